/** The library shipped with Symbiose: its cards, and a copy of one of its models into the workspace. */
import type { z } from 'zod';
import { catalogueCard } from '../../analyses/index.js';
import { closest } from '../../core/index.js';
import { loadEcosystem } from '../../engine/index.js';
import { text } from '../../i18n/index.js';
import { libraryModels, ModelExists, type NewModel, type Workspace } from '../../store/index.js';
import { ApiError } from '../errors.js';
import { route, type Route } from '../route.js';
import { CopySchema, ErrorSchema, LibraryEntrySchema, VersionSchema } from '../schemas.js';
import { freeId } from './free-id.js';

interface Shelf {
  models: Map<string, NewModel & { text: string }>;
  cards: unknown[];
}

/** The library read once: it does not change while the server runs. */
function shelf(dir: string | undefined): Shelf {
  const models = new Map(libraryModels(dir).map((model) => [model.id!, model as NewModel & { text: string }]));
  const cards = [...models.values()].map((model) => {
    const loaded = loadEcosystem(model.text, `${model.id}.yaml`);
    const errors = loaded.issues.filter((i) => i.severity === 'error').length;
    if (!loaded.ecosystem) return { id: model.id, name: model.id, summary: '', tags: [], sources: [], assumptions: [], errors };
    const card = catalogueCard(model.id!, loaded.ecosystem.doc);
    return { ...card, assumptions: card.provenance.parameters, errors };
  });
  return { models, cards };
}

export function libraryRoutes(workspace: Workspace, dir: string | undefined): Route[] {
  let read: Shelf | undefined;
  const library = () => (read ??= shelf(dir));
  return [
    route({
      method: 'get',
      path: '/api/library',
      summary: "The library's models: name, description, sources, tags, and each figure's source or assumption.",
      tag: 'library',
      answers: { 200: { description: 'The cards, by id.', schema: LibraryEntrySchema.array() } },
      handle: ({ c }) => c.json(library().cards),
    }),
    route<Record<string, never>, z.infer<typeof CopySchema>>({
      method: 'post',
      path: '/api/library/:id/copy',
      summary: 'A copy of a library model in the workspace: under the id given, else the library id or the first free `ID-copy-N`.',
      tag: 'library',
      body: { json: CopySchema, optional: true },
      answers: { 201: { description: 'The copy\'s version 1.', schema: VersionSchema }, 404: { description: 'No such library model.', schema: ErrorSchema }, 409: { description: 'The id asked is taken.', schema: ErrorSchema } },
      handle: async ({ c, params, body, locale }) => {
        const model = library().models.get(params.id!);
        if (!model) {
          const suggestion = closest(params.id!, [...library().models.keys()]);
          throw new ApiError(404, 'unknown-library-model', 'server.unknown-library-model', { id: params.id!, hint: suggestion ? text(locale, 'usage.didYouMean', { suggestion }) : '' });
        }
        return c.json(await copy(workspace, model, body?.id), 201);
      },
    }),
  ];
}

/** Creates the copy; another request taking the id meanwhile makes it try the next free one. */
async function copy(workspace: Workspace, model: NewModel & { text: string }, asked: string | undefined) {
  for (;;) {
    const id = asked ?? freeId(model.id!, (await workspace.list()).map((m) => m.id));
    try {
      return await workspace.create({ id, text: model.text, format: 'yaml' });
    } catch (error) {
      if (asked !== undefined || !(error instanceof ModelExists)) throw error;
    }
  }
}
