/** A message template whose subject and body may use `{{name}}` placeholders. */
export interface MessageTemplate {
  subject: string;
  body: string;
}

/** A template placeholder that is malformed or has no value among the variables. */
export class TemplateError extends Error {
  /** Placeholder names without a value, or malformed placeholders as written. */
  readonly placeholders: string[];
  /** Names of the variables that were given. */
  readonly known: string[];

  constructor(message: string, placeholders: string[], known: string[]) {
    super(message);
    this.name = 'TemplateError';
    this.placeholders = placeholders;
    this.known = known;
  }
}

const PLACEHOLDER = /\{\{(.*?)\}\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Replaces each `{{name}}` placeholder (spaces inside the braces allowed) with its variable.
 * Values are inserted as they are and not scanned for placeholders again. Raises a
 * `TemplateError` naming every unknown or malformed placeholder and the known names.
 */
export function renderTemplate(
  template: MessageTemplate,
  variables: Record<string, string>,
): { subject: string; text: string } {
  const variableMap = new Map(Object.entries(variables));
  checkPlaceholders([template.subject, template.body], variableMap);
  return {
    subject: substitute(template.subject, variableMap),
    text: substitute(template.body, variableMap),
  };
}

function substitute(text: string, variables: Map<string, string>): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => variables.get(name.trim()) ?? '');
}

function checkPlaceholders(texts: string[], variables: Map<string, string>): void {
  const names = texts.flatMap((text) =>
    [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''),
  );
  const known = [...variables.keys()].sort();

  const malformed = unique(names.filter((name) => !NAME.test(name.trim())));
  if (malformed.length > 0) throw malformedError(malformed, known);

  const trimmed = names.map((name) => name.trim());
  const unknown = unique(trimmed.filter((name) => NAME.test(name) && !variables.has(name)));
  if (unknown.length > 0) throw unknownError(unknown, known);
}

function malformedError(malformed: string[], known: string[]): TemplateError {
  const list = malformed.map((name) => `'{{${name}}}'`).join(', ');
  const message =
    `malformed template placeholder ${list}; write {{name}} where name starts with a letter ` +
    `or _ and goes on with letters, digits or _ (known: ${knownText(known)})`;
  return new TemplateError(message, malformed, known);
}

function unknownError(unknown: string[], known: string[]): TemplateError {
  const list = unknown.map((name) => `'${name}'`).join(', ');
  const message =
    `unknown template placeholder ${list}; known placeholders: ${knownText(known)}. ` +
    'Fix the template or pass the missing variable';
  return new TemplateError(message, unknown, known);
}

function knownText(known: string[]): string {
  return known.length === 0 ? 'none' : known.join(', ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
