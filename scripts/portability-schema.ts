/** Writes the published JSON Schema of the dataportabiliteit export from its zod definition. */
import fs from 'node:fs';
import path from 'node:path';
import { publishedPortabilitySchema } from '../shared/portability/portability';

const file = path.join(__dirname, '..', 'shared', 'portability', 'portability.schema.json');
fs.writeFileSync(file, JSON.stringify(publishedPortabilitySchema(), null, 2) + '\n');
console.log(`Geschreven: ${path.relative(process.cwd(), file)}`);
