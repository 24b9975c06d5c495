/**
 * The real regression baseline of the SageMaker SDK's quality_check_step test, recomputed from its
 * real input (header F1…F7,Label,Prediction; the SDK passes inference_attribute="Label" and
 * ground_truth_attribute="Prediction", this way round).
 */
import { qualityBaseline } from '../../../src/engine/modelQuality';
import { describeConformance, readConformance } from '../../helpers/conformance';
import { csvPairs } from './qualityHelpers';

const DIR = 'sagemaker-python-sdk/quality_check_step/model_quality';

describeConformance('model-quality regression baseline (real SageMaker pair)', () => {
  async function baseline() {
    const pairs = await csvPairs(readConformance(`${DIR}/baseline_dataset.csv`, true), {
      inference: 'Label',
      groundTruth: 'Prediction'
    });
    return qualityBaseline(pairs, { problemType: 'Regression' });
  }

  test('statistics.json is byte-identical (mae, mse, rmse, r2 to the last digit; std "NaN")', async () => {
    const { files } = await baseline();
    expect(files['statistics.json']).toBe(readConformance(`${DIR}/statistics.json`));
  });

  test('constraints.json is byte-identical', async () => {
    const { files } = await baseline();
    expect(files['constraints.json']).toBe(readConformance(`${DIR}/constraints.json`));
  });

  test('with an evaluation time the dataset block has the newer layout (model card)', async () => {
    const pairs = await csvPairs(readConformance(`${DIR}/baseline_dataset.csv`, true), {
      inference: 'Label',
      groundTruth: 'Prediction'
    });
    const { files } = qualityBaseline(pairs, {
      problemType: 'Regression',
      evaluationTime: '2023-03-30T21:08:34.729Z'
    });
    expect(files['statistics.json']).toContain(
      '"dataset" : {\n    "item_count" : 100,\n    "evaluation_time" : "2023-03-30T21:08:34.729Z"\n  }'
    );
  });
});
