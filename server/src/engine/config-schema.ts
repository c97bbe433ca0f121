// The JSON schema of `.okrrc.json`, from the rule registry: rule ids, severities and each rule's
// options complete and are checked in the editor (contributed through `jsonValidation`).
// schemas/okrrc.schema.json is this, written by `npm run schema`; a test keeps them equal.
import { ALL_RULES } from './rules';

const DOCS = 'https://github.com/okr-as-code/okr-as-code/blob/main/docs/rules';
const SEVERITY = { type: 'string', enum: ['error', 'warning', 'info', 'off'] };

export function okrrcSchema(): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const rule of ALL_RULES) {
    const description = `${rule.description} Default: ${rule.defaultSeverity}. ${DOCS}/${rule.id}.md`;
    const optionNames = Object.keys(rule.defaultOptions ?? {});
    if (!optionNames.length) {
      rules[rule.id] = { ...SEVERITY, description };
      continue;
    }
    const options = {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(optionNames.map((name) => [name, {
        type: 'number', minimum: 0, default: rule.defaultOptions![name], description: rule.optionsDoc?.[name] ?? name,
      }])),
    };
    rules[rule.id] = {
      description,
      oneOf: [SEVERITY, { type: 'array', items: [SEVERITY, options], additionalItems: false, minItems: 1 }],
    };
  }
  return {
    // Draft 7: what VS Code's JSON support reads fully.
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'OKR as Code configuration (.okrrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: { type: 'object', description: 'Severity per rule id, or [severity, {options}].', properties: rules, additionalProperties: false },
      status: {
        type: 'object',
        description: 'How far behind the expected progress (a fraction) a KR may be and still be on track, or at risk.',
        additionalProperties: false,
        properties: {
          onTrack: { type: 'number', minimum: 0, maximum: 1, default: 0.1, description: 'Up to this far behind (0.1 = 10 points): on track.' },
          atRisk: { type: 'number', minimum: 0, maximum: 1, default: 0.25, description: 'Up to this far behind: at risk; beyond it, off track.' },
        },
      },
    },
  };
}
