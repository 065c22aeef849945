/** The JSON schemas build.mjs writes to dist/ (see server/src/config/jsonSchema.ts). */
import { baselineSchema, projectConfigSchema } from '../server/src/config/jsonSchema';

export function generateSchemas(): Record<string, unknown> {
  return { 'govreportrc.schema.json': projectConfigSchema(), 'govreport-baseline.schema.json': baselineSchema() };
}
