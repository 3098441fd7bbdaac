import { escapeHtml } from '../../text/escape-html';
import { describeType, fieldsTable, inlineMarkup } from './describe-schema';
import { httpMethods, operationAnchor, type OpenApiDocument, type OperationObject } from './openapi-document';
import { referenceStyles } from './reference-styles';

type Operation = { method: string; path: string; operation: OperationObject };

function operationsByTag(document: OpenApiDocument): Map<string, Operation[]> {
  const byTag = new Map<string, Operation[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of httpMethods) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }]);
    }
  }
  return byTag;
}

function renderOperation({ method, path, operation }: Operation, document: OpenApiDocument): string {
  const schemas = document.components?.schemas ?? {};
  const parameters = operation.parameters ?? [];
  const body = operation.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(operation.responses ?? {}).map(([status, response]) => {
    const schema = Object.values(response.content ?? {})[0]?.schema;
    return `<li><strong>${escapeHtml(status)}</strong> ${inlineMarkup(response.description ?? '')}${schema ? ` — ${describeType(schema)}` : ''}</li>`;
  });
  return `<section class="operation" id="${operationAnchor(method, path)}">
<h3><span class="method method-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p class="summary">${inlineMarkup(operation.summary ?? '')}</p>
${operation.description ? `<p>${inlineMarkup(operation.description)}</p>` : ''}
${operation.security?.length ? '<p class="note">Needs <code>Authorization: Bearer &lt;token&gt;</code>.</p>' : ''}
${
  parameters.length
    ? `<h4>Parameters</h4><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Notes</th></tr></thead><tbody>
${parameters
  .map(
    (p) =>
      `<tr><th scope="row"><code>${escapeHtml(p.name)}</code>${p.required ? ' <span class="required">required</span>' : ''}</th><td>${escapeHtml(p.in)}</td><td>${describeType(p.schema)}</td><td>${inlineMarkup(p.description ?? p.schema?.description ?? '')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : ''
}
${body ? `<h4>Request body${operation.requestBody?.required ? '' : ' (optional)'}</h4>${fieldsTable(body, schemas)}` : ''}
<h4>Responses</h4><ul>${responses.join('')}</ul>
</section>`;
}

/** The whole reference: an index of operations by tag, each operation, then every schema. */
export function renderReference(document: OpenApiDocument): string {
  const byTag = operationsByTag(document);
  const schemas = document.components?.schemas ?? {};
  const index = [...byTag]
    .map(
      ([tag, operations]) =>
        `<li>${escapeHtml(tag)}<ul>${operations
          .map((o) => `<li><a href="#${operationAnchor(o.method, o.path)}"><code>${o.method.toUpperCase()} ${escapeHtml(o.path)}</code></a> ${inlineMarkup(o.operation.summary ?? '')}</li>`)
          .join('')}</ul></li>`,
    )
    .join('');
  const sections = [...byTag].map(([tag, operations]) => `<h2>${escapeHtml(tag)}</h2>\n${operations.map((o) => renderOperation(o, document)).join('\n')}`);
  const schemaSections = Object.entries(schemas).map(
    ([name, schema]) => `<section class="schema" id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${fieldsTable(schema, schemas)}</section>`,
  );
  const server = document.servers?.[0]?.url ?? '/api/v1';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} reference</title>
<style>${referenceStyles}</style>
</head>
<body>
<header>
<h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
<p>${inlineMarkup(document.info.description ?? '')}</p>
<p>Base URL <code>${escapeHtml(server)}</code>. Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI ${escapeHtml(document.openapi)}).</p>
</header>
<main>
<nav aria-label="Operations"><h2>Contents</h2><ul>${index}<li><a href="#schemas">Schemas</a></li></ul></nav>
${sections.join('\n')}
<h2 id="schemas">Schemas</h2>
${schemaSections.join('\n')}
</main>
</body>
</html>`;
}
