// Expressions, templates and field mappings for the flow engine (see README.md).
export { compileTemplate, validateTemplate } from "./compile-template";
export type { CompiledTemplate, ExpressionOptions, TemplateContext } from "./compile-template";
export { compileMapping, validateMapping } from "./compile-mapping";
export type { CompiledMapping, MappingContext } from "./compile-mapping";
export { mappingSchema, mappingFieldSchema, transformSchema, MAX_MAPPING_FIELDS, MAX_TRANSFORMS_PER_FIELD } from "./mapping-schema";
export type { Mapping, MappingField, Transform } from "./mapping-schema";
export { compileExpression, sharedExpressionCache } from "./compile-expression";
export type { CompiledExpression } from "./compile-expression";
export { ExpressionCache, DEFAULT_CACHE_SIZE } from "./expression-cache";
export type { ExpressionCacheStats } from "./expression-cache";
export { ExpressionError, ExpressionValidationError } from "./expression-error";
export { DEFAULT_EXPRESSION_LIMITS, resolveLimits } from "./limits";
export type { ExpressionLimits } from "./limits";
export { parseFastPath, NEEDS_JSONATA } from "./fast-path";
export { FORBIDDEN_KEYS } from "./plain-data";
