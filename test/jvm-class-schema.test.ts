// A @Tool method parameter whose type is a class of the application (scan/jvm-class-schema.ts) is the schema of the
// class's fields as the library builds it. LangChain4j (langchain4j b8b809ed JsonSchemaElementUtils
// jsonObjectOrReferenceSchemaFrom): the class's own declared fields only, not its superclass's, static ones left out,
// each required unless `@JsonProperty(required = false)`, `@Description` as description, an enum its constants; a JDK
// class other than the scalars (LocalDate) is not read and is named. The Spring AI form is checked by the fixture
// java/spring_ai_default_tools (Ticket.java). Expected JSON written by hand from those sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findSites } from '../src/core/analyze';
import { diskIndex } from '../src/node/resolver';
import { FIXTURES } from './util';

const FILE = path.join(FIXTURES, 'java', 'l4j_tool_services', 'src', 'main', 'java', 'demo', 'shop', 'ReturnDesk.java');

test('a LangChain4j tool parameter of an application class is its declared fields, as ToolSpecifications sends it', () => {
  const site = findSites(fs.readFileSync(FILE, 'utf8'), 'java', FILE, undefined, diskIndex()).sites.find((s) => s.tools);
  assert.ok(site, 'the service built with tools sends them');
  assert.deepEqual(JSON.parse(site.tools!.text), [
    {
      name: 'fileReturn',
      description: 'Files a return for an order',
      parameters: {
        type: 'object',
        properties: {
          request: {
            type: 'object',
            properties: {
              orderNumber: { type: 'string' },
              reason: { type: 'string', description: 'Why the customer returns it' },
              quantity: { type: 'integer' },
              code: { type: 'string', enum: ['DAMAGED', 'WRONG_ITEM', 'OTHER'] },
              receivedOn: {},
            },
            required: ['orderNumber', 'reason', 'quantity', 'receivedOn'],
          },
        },
        required: ['request'],
      },
    },
  ]);
  const unread = site.parts.filter((p) => !p.resolved).map((p) => p.label);
  assert.ok(unread.includes('fileReturn(request): ReturnRequest.receivedOn (LocalDate) not counted'), unread.join(' | '));
});
