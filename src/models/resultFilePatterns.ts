/** File names that open in Model Monitor views by default (DocumentRegistry file-type patterns). */
export const STATISTICS_FILE_PATTERN = '^.*statistics.*\\.json$';
export const VIOLATIONS_FILE_PATTERN = '^.*constraint_violations.*\\.json$';
/** constraints.json and the like, but not constraint(s)_violations files. */
export const CONSTRAINTS_FILE_PATTERN = '^(?!.*violation).*constraints.*\\.json$';
