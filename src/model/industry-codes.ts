/**
 * Validation of the industry codes a dataset's own segments carry: each must be a class of
 * the GB/T 4754-2017 table shipped with the library (templates/industry-codes), so codes join
 * statistics and registry exports and print with their names.
 */
import { isIndustryClass } from '../templates/industry-codes/index.js';
import { createIssue, type DatasetIssue, type Locale } from './issues.js';
import type { Dataset } from './schema.js';

type Owner = 'templates' | 'chains';

/**
 * Issues for the industry codes of the dataset's own templates and chains that are not
 * GB/T 4754-2017 classes, each at its path (`chains[0].segments[2].industryCodes[1]`).
 * Built-in templates are checked by the library's tests, not here.
 *
 * @example
 * checkIndustryCodes(dataset, 'en').map((i) => i.message);
 * // ['unknown GB/T 4754-2017 industry class "3848"']
 */
export function checkIndustryCodes(
  data: Pick<Dataset, 'templates' | 'chains'>,
  locale: Locale,
): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const scan = (owner: Owner, records: readonly { segments: Dataset['chains'][number]['segments'] }[]) => {
    records.forEach((record, i) => {
      record.segments.forEach((segment, j) => {
        segment.industryCodes?.forEach((code, k) => {
          if (!isIndustryClass(code)) {
            issues.push(createIssue('unknown_industry_code', [owner, i, 'segments', j, 'industryCodes', k], { code }, locale));
          }
        });
      });
    });
  };
  scan('templates', data.templates);
  scan('chains', data.chains);
  return issues;
}
