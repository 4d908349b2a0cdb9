// The form of one tool: a labelled control per field, its description as help text, required
// fields marked (in words, not only with an asterisk), and each problem shown beside its field.

import type { Field, FieldProblem, FormValues } from './schema-fields.js';

interface FormProps {
  fields: Field[];
  values: FormValues;
  problems: FieldProblem[];
  onChange: (name: string, value: string | string[]) => void;
}

export function SchemaForm(props: FormProps) {
  if (props.fields.length === 0) return <p class="muted">This tool takes no arguments.</p>;
  return (
    <div class="schema-form">
      {props.fields.map((field) => (
        <FieldControl
          key={field.name}
          field={field}
          value={props.values[field.name]}
          problem={props.problems.find((problem) => problem.name === field.name)?.problem}
          onChange={(value) => props.onChange(field.name, value)}
        />
      ))}
    </div>
  );
}

function FieldControl(props: {
  field: Field;
  value: string | string[] | undefined;
  problem: string | undefined;
  onChange: (value: string | string[]) => void;
}) {
  const { field } = props;
  const id = `arg-${field.name}`;
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const describedBy = [field.description ? helpId : '', props.problem ? problemId : '']
    .filter(Boolean)
    .join(' ');
  const text = typeof props.value === 'string' ? props.value : '';
  const placeholder =
    field.defaultValue !== undefined ? `default: ${JSON.stringify(field.defaultValue)}` : undefined;
  const common = {
    id,
    name: field.name,
    required: field.required,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': props.problem ? true : undefined,
  };
  const onText = (event: Event) =>
    props.onChange((event.target as HTMLInputElement | HTMLTextAreaElement).value);

  let control: preact.JSX.Element;
  switch (field.kind) {
    case 'enum':
    case 'boolean': {
      const options = field.kind === 'enum' ? field.options.map(String) : ['true', 'false'];
      control = (
        <select {...common} value={text} onChange={onText}>
          <option value="">{field.required ? 'Choose…' : '(not set)'}</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'number':
      control = (
        <input
          {...common}
          type="number"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          step={field.integer ? 1 : 'any'}
          min={field.min}
          max={field.max}
          placeholder={placeholder}
          value={text}
          onInput={onText}
        />
      );
      break;
    case 'choices': {
      const checked = new Set(Array.isArray(props.value) ? props.value : []);
      return (
        <fieldset class="field" aria-describedby={describedBy || undefined}>
          <legend>
            {field.name}
            {field.required ? <span class="required"> (required)</span> : null}
          </legend>
          {field.options.map((option) => (
            <label key={option} class="check">
              <input
                type="checkbox"
                checked={checked.has(option)}
                onChange={() => {
                  const next = new Set(checked);
                  if (next.has(option)) next.delete(option);
                  else next.add(option);
                  props.onChange(field.options.filter((o) => next.has(o)));
                }}
              />
              <span>{option}</span>
            </label>
          ))}
          <Help field={field} helpId={helpId} problem={props.problem} problemId={problemId} />
        </fieldset>
      );
    }
    case 'text':
      control = field.multiline ? (
        <textarea
          {...common}
          rows={1}
          maxLength={field.maxLength}
          placeholder={placeholder}
          value={text}
          onInput={onText}
        />
      ) : (
        <input
          {...common}
          type="text"
          maxLength={field.maxLength}
          placeholder={placeholder}
          value={text}
          onInput={onText}
        />
      );
      break;
    case 'list':
    case 'json':
      control = (
        <textarea
          {...common}
          rows={3}
          class="mono"
          placeholder={field.kind === 'list' ? 'one per line' : (placeholder ?? 'JSON')}
          value={text}
          onInput={onText}
        />
      );
      break;
  }
  return (
    <div class="field">
      <label for={id}>
        {field.name}
        {field.required ? <span class="required"> (required)</span> : null}
      </label>
      {control}
      <Help field={field} helpId={helpId} problem={props.problem} problemId={problemId} />
    </div>
  );
}

function Help(props: {
  field: Field;
  helpId: string;
  problem: string | undefined;
  problemId: string;
}) {
  return (
    <>
      {props.field.description ? (
        <span id={props.helpId} class="help muted">
          {props.field.description}
        </span>
      ) : null}
      {props.problem ? (
        <span id={props.problemId} class="help error">
          {props.field.name} {props.problem}
        </span>
      ) : null}
    </>
  );
}
