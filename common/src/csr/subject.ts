// The subject Name: RDNSequence ::= SEQUENCE OF SET OF AttributeTypeAndValue, read in order.
import { childrenOf, DerError, expectChild, readOid, Tag, type Tlv } from './der';
import { subjectAttributeName } from './oids';
import { decodeAsnString, stringTypeOf } from './strings';
import type { SubjectAttribute } from './types';

export function readSubject(bytes: Uint8Array, name: Tlv): SubjectAttribute[] {
  if (name.tag !== Tag.SEQUENCE) throw new DerError('subject is not a SEQUENCE', name.start);
  const out: SubjectAttribute[] = [];
  const rdns = childrenOf(bytes, name);
  for (let r = 0; r < rdns.length; r++) {
    const rdn = rdns[r];
    if (rdn.tag !== Tag.SET) throw new DerError('subject RDN is not a SET', rdn.start);
    for (const atv of childrenOf(bytes, rdn)) {
      if (atv.tag !== Tag.SEQUENCE) throw new DerError('subject attribute is not a SEQUENCE', atv.start);
      const [typeTlv, valueTlv] = childrenOf(bytes, atv);
      const oid = readOid(bytes, expectChild(typeTlv, Tag.OID, 'attribute type', atv.start));
      if (!valueTlv) throw new DerError('subject attribute without a value', atv.start);
      const type = stringTypeOf(valueTlv.tag);
      const names = subjectAttributeName(oid);
      out.push({
        index: out.length,
        rdn: r,
        oid,
        shortName: names.short,
        longName: names.long,
        type,
        tag: valueTlv.tag,
        value: decodeAsnString(type, bytes.subarray(valueTlv.contentStart, valueTlv.end)),
      });
    }
  }
  return out;
}

/** The subject in OpenSSL's one-line form, `C = DE, O = Example, CN = www.example.com`. */
export function subjectOneLine(subject: readonly SubjectAttribute[]): string {
  return subject.map((a) => `${a.shortName} = ${a.value}`).join(', ');
}
