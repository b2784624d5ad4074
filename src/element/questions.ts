/**
 * How each profile field is asked: label, help text for the terms a doctor may not know,
 * labels of enum values, and the group it is asked with. Texts go through msg() so they
 * follow the UI language; legal terms (patientèle médecin traitant, file active, ZIP) stay French.
 */
import { msg } from '@lit/localize';

export interface Question {
  label: string;
  help?: string;
  /** Fields with the same group are asked together (at most three at a time). */
  group: number;
}

/** Label, help and group of a profile field; the field name itself when the UI does not know it. */
export function question(field: string): Question {
  switch (field) {
    case 'specialty':
      return { label: msg('Spécialité'), group: 1 };
    case 'sector':
      return {
        label: msg('Secteur conventionnel'),
        help: msg(
          "OPTAM (ou OPTAM-ACO en chirurgie, anesthésie et obstétrique) : option de pratique tarifaire maîtrisée, par laquelle un médecin de secteur 2 s'engage à limiter ses dépassements d'honoraires.",
        ),
        group: 1,
      };
    case 'patienteleMT':
      return {
        label: msg('Patientèle médecin traitant (nombre de patients)'),
        help: msg(
          "Nombre de patients, adultes et enfants, qui vous ont déclaré comme médecin traitant. Il figure sur votre relevé d'activité (ameli pro).",
        ),
        group: 2,
      };
    case 'fileActive':
      return {
        label: msg('File active (nombre de patients)'),
        help: msg("Nombre de patients différents vus au moins une fois dans l'année, tous âges confondus."),
        group: 2,
      };
    case 'percentile':
      return {
        label: msg('Percentile de patientèle (0 à 100)'),
        help: msg(
          "Votre rang parmi les médecins de votre spécialité en France : au 30e percentile, 30 % des médecins ont une patientèle plus petite que la vôtre. Votre CPAM vous l'indique ; laissez vide si vous ne le connaissez pas.",
        ),
        group: 2,
      };
    case 'ccamShare':
      return {
        label: msg('Part des honoraires issue des actes techniques CCAM (%)'),
        help: msg('Sur les 12 derniers mois. Demandée aux chirurgiens, ORL et gynécologues : elle doit rester sous 20 %.'),
        group: 2,
      };
    case 'childrenShare':
      return { label: msg('Part de patients de moins de 16 ans (%)'), group: 2 };
    case 'contractDate':
      return {
        label: msg('Date de signature du contrat (ou date prévue)'),
        help: msg('Les règles et les montants dépendent de la date de signature.'),
        group: 3,
      };
    case 'newlyInstalled':
      return { label: msg('Vous êtes nouvellement installé(e)'), group: 3 };
    case 'option':
      return { label: msg("Temps de travail de l'assistant"), group: 3 };
    case 'age':
      return { label: msg('Votre âge'), group: 3 };
    case 'zone':
      return {
        label: msg("Zonage de votre lieu d'exercice"),
        help: msg(
          "ZIP : zone d'intervention prioritaire, les territoires les plus en manque de médecins ; ZAC : zone d'action complémentaire. Le zonage de chaque commune est publié par l'ARS.",
        ),
        group: 4,
      };
    case 'zoneSousDense':
      return {
        label: msg('Vous exercez en zone sous-dense'),
        help: msg("Au sens de l'avenant 7 : ZIP, ZAC dont l'APL est au plus 3,5, ou zone dérogatoire fixée par la CPL."),
        group: 4,
      };
    case 'groupPractice':
      return { label: msg("Vous exercez en groupe (au moins 2 médecins)"), group: 4 };
    case 'coordinatedPractice':
      return {
        label: msg('Vous exercez de façon coordonnée'),
        help: msg("CPTS, maison de santé (MSP), équipe de soins primaires, centre de santé, ou engagement à le faire dans les 2 ans."),
        group: 4,
      };
    case 'sharedAssistant':
      return { label: msg('Vous partagez un assistant avec des confrères à moins de 20 km'), group: 4 };
    case 'soinsNonProgrammes':
      return { label: msg('Vous participez aux soins non programmés'), group: 4 };
    case 'rqthOrAld':
      return { label: msg('Vous êtes reconnu(e) travailleur handicapé (RQTH) ou en affection de longue durée (ALD)'), group: 5 };
    case 'mixedActivity':
      return { label: msg('Vous avez aussi une activité salariée'), group: 5 };
    default:
      return { label: field, group: 9 };
  }
}

/** Label of an enum value; the value itself when unknown. */
export function valueLabel(value: string): string {
  switch (value) {
    case '1':
      return msg('Secteur 1');
    case '2-optam':
      return msg('Secteur 2 avec OPTAM ou OPTAM-ACO');
    case '2':
      return msg('Secteur 2 sans OPTAM');
    case 'non-conventionne':
      return msg('Non conventionné');
    case 'zip':
      return 'ZIP';
    case 'zac':
      return 'ZAC';
    case 'hors-zone':
      return msg('Ni ZIP ni ZAC');
    case '1/3-etp':
      return msg('1/3 temps');
    case '1/2-etp':
      return msg('Mi-temps (½ ETP)');
    case '1-etp':
      return msg('Temps plein (1 ETP)');
    default:
      return value;
  }
}

/**
 * The next fields to ask: the first askable missing field and, after it, the other missing
 * fields of its group, at most three. Skipped and unaskable fields are left out.
 */
export function nextGroup(missing: readonly string[], askable: (field: string) => boolean): string[] {
  const open = missing.filter(askable);
  if (!open.length) return [];
  const group = question(open[0]).group;
  return open.filter((f) => question(f).group === group).slice(0, 3);
}
