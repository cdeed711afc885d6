// Orders for protocol tests: a Comodo order with every required argument but the CSR's, and the
// address arguments to give when its CSR lacks them (each is required unless the CSR has it).
export const ADDRESS = {
  streetAddress1: 'Example Street 1',
  localityName: 'Berlin',
  stateOrProvinceName: 'Berlin',
  postalCode: '10115',
};

export function comodoOrder(fields: Record<string, unknown>): string {
  const order = {
    $api: 'comodo-autoapplyssl',
    loginName: 'r',
    product: '24',
    days: 365,
    serverSoftware: 2,
    isCustomerValidated: 'N',
    ...fields,
  };
  return JSON.stringify(order, null, 2);
}
