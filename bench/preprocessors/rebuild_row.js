// The JavaScript twin of rebuild_row.py: the default row (output, then input) rebuilt by a
// preprocessor, to measure what running one costs.
exports.preprocess_handler = record => {
  const output = record.endpoint_output.data.replace(/\n$/, '');
  const input = record.endpoint_input.data.replace(/\n$/, '');
  const row = {};
  `${output},${input}`.split(',').forEach((cell, i) => {
    row[String(i).padStart(3, '0')] = cell === '' ? null : cell;
  });
  return row;
};
