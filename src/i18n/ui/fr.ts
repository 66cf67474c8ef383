/** French for every key of en.ts; a missing key fails the type check. */
import type { Template } from '../template.js';
import type { UiKey } from './en.js';

export const fr: Record<UiKey, Template> = {
  'program.description': 'Symbiose : un laboratoire de modèles d’affaires d’écosystème',
  'program.exitCodes':
    'Codes de sortie : 0 succès, 1 modèle invalide, 2 usage incorrect (commande, option ou fichier), 3 erreur interne, 4 une vérification a échoué, 5 sortie non écrite, 130 annulé (Ctrl-C).',
  'program.start': 'Pour commencer : symbiose tour    ou    symbiose init && symbiose validate',
};
