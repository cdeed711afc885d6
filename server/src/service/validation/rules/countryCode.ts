// A country field (SSL2Buy OrganisationInfo.CountryName): an ISO-3166 country, checked against
// a maintained list (i18n-iso-countries). A full English name is accepted, the code hinted.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { countryCodeOfName, isAlpha2Code } from '../../countries';
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
      if (isAlpha2Code(value)) continue;
      const code = isAlpha2Code(value.toUpperCase()) ? value.toUpperCase() : countryCodeOfName(value);
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
          message: `"${value}" is the country ${code}; the ISO-3166 code "${code}" is what CAs expect.`,
          fixes: [{ title: `Write "${code}"`, edits: [replaceValue(model, node, code)], preferred: true }],
          severity: DiagnosticSeverity.Information,
        });
      } else {
        (findings ??= []).push({
          range: model.rangeOf(node),
          message: `"${value}" is not an ISO-3166 country: write its two-letter code (e.g. "GB", "US", "DE"); completion lists them.`,
        });
      }
    }
    return findings ?? NO_FINDINGS;
  },
};
