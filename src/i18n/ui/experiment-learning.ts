/**
 * The words of planning an experiment the model records (its planned groups, its test card's
 * threshold and baseline) and of drafting a learning card from its analysis (issue 18).
 */
import type { Template } from '../template.js';

export const experimentLearningEn = {
  'cmd.experiment.planExperiment': "plan an experiment the model records: its planned groups, its test card's threshold and baseline",
  'cmd.experiment.planModel': 'the model whose experiment to plan (with --experiment)',
  'plan.what': 'give --control, --variant and --trials, or a model and --experiment',
  'plan.recorded': 'Experiment {experiment}: {variant} against {control}. Rates: {controlRate} for {control} ({controlFrom}), {variantRate} for {variant} ({variantFrom}); groups of {trialsA} and {trialsB} ({trialsFrom}).',
  'plan.from.given': 'given',
  'plan.from.threshold': "the test card's threshold",
  'plan.from.baseline': "the test card's baseline",
  'plan.from.parameter': 'the value of {parameter}',
  'plan.from.planned': 'as planned',
  'plan.fault.no-threshold': 'test card "{testCard}" of {file} names no threshold (the rate a variant must reach for the card to be right): add `threshold: 0.15` to the card, or give --variant',
  'plan.fault.no-baseline': 'test card "{testCard}" of {file} names no baseline, and the control informs no parameter whose value is a rate: add `baseline: 0.10` to the card, or give --control',
  'plan.fault.no-planned': 'variant "{variant}" of experiment "{experiment}" in {file} has no planned size: add `planned: 50` to it, or give --trials',
  'plan.fault.same-rates': 'experiment "{experiment}" of {file}: the control and the threshold are the same rate ({rate}), there is no effect to detect',
  'cmd.experiment.learnExperiment': 'draft a learning card from an experiment the model records: its test card, the analysis of its counts and the calibration',
  'cmd.experiment.learnWrite': 'write the model, with the drafted card and the calibrated parameters, to this file (comments and layout kept)',
  'cmd.experiment.learnId': 'the id of the drafted card (default: EXPERIMENT-learned)',
  'cmd.experiment.modelVersion': 'the model version the card records as the one it produced (a workspace version or a tag)',
  'learn.drafted': 'Drafted from experiment {experiment}: read it and edit it before you keep it.',
  'learn.draftedInvented': 'Drafted from experiment {experiment}, whose counts are INVENTED, for illustration: the card shows the method, not evidence.',
  'learn.written': 'Written to {file}: learning card {id}, with the calibrated parameters ({parameters}).',
  'learn.writtenNone': 'Written to {file}: learning card {id} (no parameter calibrated).',
  'learn.exists': '{file} already has a learning card "{id}": choose another id with --id',
  'learn.writeWhat': '--write, --id and --model-version need --experiment: they record a drafted card',
  'learn.calibrated': 'Parameter {parameter} (group {variant}): {before} before, {after} after.',
} satisfies Record<string, Template>;

export const experimentLearningFr: Record<keyof typeof experimentLearningEn, Template> = {
  'cmd.experiment.planExperiment': 'planifier une expérience enregistrée dans le modèle\u00a0: ses groupes prévus, le seuil et la référence de sa carte de test',
  'cmd.experiment.planModel': 'le modèle dont planifier l’expérience (avec --experiment)',
  'plan.what': 'donner --control, --variant et --trials, ou un modèle et --experiment',
  'plan.recorded': 'Expérience {experiment}\u00a0: {variant} contre {control}. Taux\u00a0: {controlRate} pour {control} ({controlFrom}), {variantRate} pour {variant} ({variantFrom})\u202f; groupes de {trialsA} et {trialsB} ({trialsFrom}).',
  'plan.from.given': 'donné',
  'plan.from.threshold': 'le seuil de la carte de test',
  'plan.from.baseline': 'la référence de la carte de test',
  'plan.from.parameter': 'la valeur de {parameter}',
  'plan.from.planned': 'comme prévu',
  'plan.fault.no-threshold': 'la carte de test «\u00a0{testCard}\u00a0» de {file} ne donne pas de seuil (le taux qu’une variante doit atteindre pour lui donner raison)\u00a0: ajouter `threshold: 0.15` à la carte, ou donner --variant',
  'plan.fault.no-baseline': 'la carte de test «\u00a0{testCard}\u00a0» de {file} ne donne pas de référence, et le témoin ne renseigne aucun paramètre dont la valeur soit un taux\u00a0: ajouter `baseline: 0.10` à la carte, ou donner --control',
  'plan.fault.no-planned': 'la variante «\u00a0{variant}\u00a0» de l’expérience «\u00a0{experiment}\u00a0» de {file} n’a pas de taille prévue\u00a0: lui ajouter `planned: 50`, ou donner --trials',
  'plan.fault.same-rates': 'expérience «\u00a0{experiment}\u00a0» de {file}\u00a0: le témoin et le seuil ont le même taux ({rate}), il n’y a pas d’effet à détecter',
  'cmd.experiment.learnExperiment': 'rédiger une carte d’apprentissage à partir d’une expérience enregistrée dans le modèle\u00a0: sa carte de test, l’analyse de ses comptes et la calibration',
  'cmd.experiment.learnWrite': 'écrire le modèle, avec la carte rédigée et les paramètres calibrés, dans ce fichier (commentaires et mise en page gardés)',
  'cmd.experiment.learnId': 'l’identifiant de la carte rédigée (par défaut\u00a0: EXPERIENCE-learned)',
  'cmd.experiment.modelVersion': 'la version du modèle que la carte enregistre comme produite (une version de l’espace de travail ou une étiquette)',
  'learn.drafted': 'Rédigée à partir de l’expérience {experiment}\u00a0: la relire et la corriger avant de la garder.',
  'learn.draftedInvented': 'Rédigée à partir de l’expérience {experiment}, dont les comptes sont INVENTÉS, pour illustrer\u00a0: la carte montre la méthode, pas une preuve.',
  'learn.written': 'Écrit dans {file}\u00a0: la carte d’apprentissage {id}, avec les paramètres calibrés ({parameters}).',
  'learn.writtenNone': 'Écrit dans {file}\u00a0: la carte d’apprentissage {id} (aucun paramètre calibré).',
  'learn.exists': '{file} a déjà une carte d’apprentissage «\u00a0{id}\u00a0»\u00a0: en choisir un autre identifiant avec --id',
  'learn.writeWhat': '--write, --id et --model-version demandent --experiment\u00a0: ils enregistrent une carte rédigée',
  'learn.calibrated': 'Paramètre {parameter} (groupe {variant})\u00a0: {before} avant, {after} après.',
};
