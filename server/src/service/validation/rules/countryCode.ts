// A country field (SSL2Buy OrganisationInfo.CountryName): an ISO-3166 country, checked against
// a maintained list (i18n-iso-countries). The document says only "Organisation Country Name", not
// in which form, so a full English name is accepted (the code only hinted) and a value that is
// neither a code nor a name is a warning, not an error.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { countryCodeOfName, isIso3166Alpha2 } from '../../../../../common/src/countries';
import { replaceValue } from '../../edits';
import { NO_FINDINGS, type OrderRule, type RuleFinding } from '../rule';

export const countryCode: OrderRule = {
  code: 'country-not-iso3166',
  severity: DiagnosticSeverity.Warning,
  check({ model }) {
    let findings: RuleFinding[] | undefined;
    for (const b of model.bound) {
      const node = b.property.valueNode;
      if (b.field.format !== 'iso3166-country' || node?.type !== 'string' || node.value.trim() === '')
        continue;
      const value = node.value.trim();
      if (isIso3166Alpha2(value)) continue;
      const code = isIso3166Alpha2(value.toUpperCase()) ? value.toUpperCase() : countryCodeOfName(value);
      if (code && code === value.toUpperCase()) {
        (findings ??= []).push({
          range: model.rangeOf(node),
          message: `ISO-3166 country codes are upper case: "${code}".`,
          fixes: [{ title: `Write "${code}"`, edits: [replaceValue(model, node, code)], preferred: true }],
          severity: DiagnosticSeverity.Information,
        });
      } else if (code) {
        (findings ??= []).push({
          range: model.rangeOf(node),
          message: `"${value}" is the country ${code}. The document asks for the "Organisation Country Name" without saying in which form; the ISO-3166 code "${code}" cannot be misread.`,
          fixes: [{ title: `Write "${code}"`, edits: [replaceValue(model, node, code)], preferred: true }],
          severity: DiagnosticSeverity.Information,
        });
      } else {
        (findings ??= []).push({
          range: model.rangeOf(node),
          message: `"${value}" is neither an ISO-3166 country code nor a country's English name, so the CA may not recognise the "Organisation Country Name": write the two-letter code (e.g. "GB", "US", "DE"); completion lists them.`,
        });
      }
    }
    return findings ?? NO_FINDINGS;
  },
};
