/** SageMaker's model-quality problem types and the keys their files use (FORMATS.md §5.4). */
export type ProblemType = 'Regression' | 'BinaryClassification' | 'MulticlassClassification';

export const PROBLEM_TYPES: readonly ProblemType[] = [
  'Regression',
  'BinaryClassification',
  'MulticlassClassification'
];

const PREFIX: Record<ProblemType, string> = {
  Regression: 'regression',
  BinaryClassification: 'binary_classification',
  MulticlassClassification: 'multiclass_classification'
};

export function metricsKey(problem: ProblemType): string {
  return `${PREFIX[problem]}_metrics`;
}

export function constraintsKey(problem: ProblemType): string {
  return `${PREFIX[problem]}_constraints`;
}

export function parseProblemType(text: string): ProblemType | undefined {
  return PROBLEM_TYPES.find(type => type.toLowerCase() === text.toLowerCase());
}
