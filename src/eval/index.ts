/** The accuracy evaluation's public surface: what `councilgraph eval` and floor tests use. */
export { evaluateCorpus, EvalInputError, type DocumentReport, type EvalReport, type EvaluateOptions, type Extractor, type Reader } from './evaluate.ts';
export { GoldDocumentSchema, GoldFileError, loadGold, parseGold, type GoldDocument } from './gold.ts';
export { projectDocument } from './project.ts';
export { formatJson, formatText } from './report.ts';
export { FIELDS, scoreDocument, type Field, type FieldScore } from './score.ts';
