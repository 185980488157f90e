/** The live roll-up of the forms: what each evaluation counts, and where (FORMS.md §2, GUIDE.md §2). */
export { type Cell, type CellCount, cellKey, parseCellKey, storableCells, orgTypeColumnChain } from './cells.js';
export { type Contribution, type EvaluationFacts, contributionOf, reviewColumn, topicCells } from './contributions.js';
export {
  addEntered,
  addPlaced,
  addTopic,
  computeCycleCounts,
  CycleCountsBuilder,
  countRows,
  type CountDifference,
  type CycleRollupInput,
  diffCounts,
  type EnteredValue,
  type Placed,
  placeEvaluation,
  type RollupEvaluation,
  type RollupTopic,
  type RollupUnit,
  UnitIndex,
  type UnitCounts,
} from './rollup.js';
