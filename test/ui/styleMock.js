// CSS and SVG imports resolve to an empty module in jest.
module.exports = {};
