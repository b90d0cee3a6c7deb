import { LineCounter, parseDocument } from 'yaml';
import { InputError } from './errors';
import { asTemplate, duplicateWarnings, type ParsedTemplate } from './parse';
import { MAX_DEPTH, toPosition, type Duplicate } from './positions';
import { CFN_TAGS } from './tags';
import { yamlPositions } from './yaml-positions';

/** A YAML template (short-form tags included), with its positions; apart from ./parse so that the yaml package loads only for YAML. */
export function parseYaml(text: string, file: string): ParsedTemplate {
  const lines = new LineCounter();
  const doc = parseDocument(text, { customTags: CFN_TAGS, lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  // The yaml package reports its own stack overflow on deeply nested input as a parse error.
  if (error && /^Maximum call stack size exceeded/.test(error.message)) throw new InputError(file, `nested deeper than ${MAX_DEPTH} levels`, toPosition(lines, error.pos[0]).line);
  if (error) throw new InputError(file, `malformed YAML: ${error.message.split('\n')[0]}`, toPosition(lines, error.pos[0]).line);
  const duplicates: Duplicate[] = [];
  const positions = yamlPositions(doc, lines, file, duplicates);
  let template: unknown;
  try {
    template = doc.toJS();
  } catch (e) {
    throw new InputError(file, `malformed YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  return { template: asTemplate(template, file), positions, warnings: duplicateWarnings(file, duplicates) };
}
