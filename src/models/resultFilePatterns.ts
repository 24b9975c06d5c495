/** File names that open in Model Monitor views by default (DocumentRegistry file-type patterns). */
export const STATISTICS_FILE_PATTERN = '^.*statistics.*\\.json$';
export const VIOLATIONS_FILE_PATTERN = '^.*constraint_violations.*\\.json$';
