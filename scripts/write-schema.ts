// npm run schema: writes schemas/okrrc.schema.json from the rule registry.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { okrrcSchema } from '../server/src/engine/config-schema';

writeFileSync(join(process.cwd(), 'schemas', 'okrrc.schema.json'), `${JSON.stringify(okrrcSchema(), null, 2)}\n`);
