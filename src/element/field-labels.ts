/**
 * How each profile field is asked: label, help text for the terms a doctor may not know,
 * labels of enum values, and the group it is asked with. Texts go through msg() so they
 * follow the instance's language; legal terms (patientèle médecin traitant, file active, ZIP) stay French.
 * Which field is asked, and when, is the engine's `missing`; this file only words it.
 */
import { msg } from '@lit/localize';

export interface Question {
  label: string;
  help?: string;
}

/** Label, help and group of a profile field; the field name itself when the UI does not know it. */
export function question(field: string): Question {
  switch (field) {
    case 'situation':
      return { label: msg('Votre situation', { id: 'situation' }) };
    case 'specialty':
      return { label: msg('Spécialité', { id: 'specialite' }) };
    case 'sector':
      return {
        label: msg('Secteur conventionnel', { id: 'secteur-conventionnel' }),
        help: msg(
          'OPTAM (ou OPTAM-ACO en chirurgie, anesthésie et obstétrique) : option de pratique tarifaire maîtrisée, par laquelle un médecin de secteur 2 s’engage à limiter ses dépassements d’honoraires.',
          { id: 'optam-optam-aco-chirurgie' },
        ),
      };
    case 'patienteleMT':
      return {
        label: msg('Patientèle médecin traitant (nombre de patients)', { id: 'patientele-medecin-traitant-nombre' }),
        help: msg(
          'Nombre de patients, adultes et enfants, qui vous ont déclaré comme médecin traitant. Il figure sur votre relevé d’activité (ameli pro).',
          { id: 'nombre-patients-adultes-enfants' },
        ),
      };
    case 'fileActive':
      return {
        label: msg('File active (nombre de patients)', { id: 'file-active-nombre-patients' }),
        help: msg('Nombre de patients différents vus au moins une fois dans l’année, tous âges confondus.', {
          id: 'nombre-patients-differents-vus',
        }),
      };
    case 'percentile':
      return {
        label: msg('Percentile de votre patientèle, communiqué par votre CPAM (0 à 100)', { id: 'percentile-cpam' }),
        help: msg(
          'Votre rang parmi les médecins de votre spécialité en France : au 90ᵉ percentile, 90 % des médecins ont une patientèle plus petite que la vôtre. Il décide du montant à partir de la 3ᵉ année ; votre CPAM vous l’indique. Passez la question si vous ne le connaissez pas.',
          { id: 'percentile-cpam-aide' },
        ),
      };
    case 'ccamShare':
      return {
        label: msg('Part des honoraires issue des actes techniques CCAM (%)', { id: 'part-honoraires-issue-actes' }),
        help: msg('Sur les 12 derniers mois. Demandée aux chirurgiens, ORL et gynécologues : elle doit rester sous 20 %.', {
          id: 'sur-12-derniers-mois',
        }),
      };
    case 'childrenShare':
      return { label: msg('Part de patients de moins de 16 ans (%)', { id: 'part-patients-moins-16' }) };
    case 'contractDate':
      return {
        label: msg('Date de signature du contrat (ou date prévue)', { id: 'date-signature-contrat-date' }),
        help: msg('Les règles et les montants dépendent de la date de signature.', { id: 'regles-montants-dependent-date' }),
      };
    case 'newlyInstalled':
      return { label: msg('Vous êtes nouvellement installé(e)', { id: 'etes-nouvellement-installe-e' }) };
    case 'option':
      return { label: msg('Temps de travail de l’assistant', { id: 'temps-travail-assistant' }) };
    case 'objectivesReached':
      return { label: msg('Vous avez atteint les objectifs de votre contrat en cours', { id: 'objectifs-atteints' }) };
    case 'age':
      return { label: msg('Votre âge', { id: 'age' }) };
    case 'zone':
      return {
        label: msg('Zonage de votre lieu d’exercice', { id: 'zonage-lieu-exercice' }),
        help: msg(
          'ZIP : zone d’intervention prioritaire, les territoires les plus en manque de médecins ; ZAC : zone d’action complémentaire. Le zonage de chaque commune est publié par l’ARS.',
          { id: 'zip-zone-intervention-prioritaire' },
        ),
      };
    case 'zoneSousDense':
      return {
        label: msg('Vous exercez en zone sous-dense', { id: 'exercez-zone-sous-dense' }),
        help: msg('Au sens de l’avenant 7 : ZIP, ZAC dont l’APL est au plus 3,5, ou zone dérogatoire fixée par la CPL.', {
          id: 'sens-avenant-7-zip',
        }),
      };
    case 'groupPractice':
      return { label: msg('Vous exercez en groupe (au moins 2 médecins)', { id: 'exercez-groupe-moins-2' }) };
    case 'coordinatedPractice':
      return {
        label: msg('Vous exercez de façon coordonnée', { id: 'exercez-facon-coordonnee' }),
        help: msg('CPTS, maison de santé (MSP), équipe de soins primaires, centre de santé, ou engagement à le faire dans les 2 ans.', {
          id: 'cpts-maison-sante-msp',
        }),
      };
    case 'sharedAssistant':
      return {
        label: msg('Vous partagez un assistant avec des confrères à moins de 20 km', { id: 'partagez-assistant-avec-confreres' }),
      };
    case 'soinsNonProgrammes':
      return { label: msg('Vous participez aux soins non programmés', { id: 'participez-aux-soins-non' }) };
    case 'rqthOrAld':
      return {
        label: msg('Vous êtes reconnu(e) travailleur handicapé (RQTH) ou en affection de longue durée (ALD)', {
          id: 'etes-reconnu-e-travailleur',
        }),
      };
    case 'mixedActivity':
      return { label: msg('Vous avez aussi une activité salariée', { id: 'avez-aussi-activite-salariee' }) };
    case 'firstInstallation':
      return { label: msg('C’est votre première installation en libéral', { id: 'first-installation' }) };
    case 'installationDate':
      return { label: msg('Date d’installation (ou date prévue)', { id: 'installation-date' }) };
    case 'secondaryPractice':
      return { label: msg('Il s’agit d’un cabinet secondaire', { id: 'secondary-practice' }) };
    case 'remplacant':
      return { label: msg('Vous êtes médecin remplaçant(e)', { id: 'remplacant' }) };
    case 'daysPerWeek':
      return { label: msg('Jours d’activité par semaine à ce cabinet', { id: 'days-per-week' }) };
    case 'qpv':
      return {
        label: msg('Vous exercez en quartier prioritaire de la politique de la ville (QPV)', { id: 'qpv' }),
        help: msg('Quartiers urbains prioritaires fixés par l’État ; la liste est publiée sur sig.ville.gouv.fr.', { id: 'qpv-help' }),
      };
    case 'mountain':
      return { label: msg('Vous exercez en zone de montagne', { id: 'mountain' }) };
    case 'department':
      return {
        label: msg('Département d’exercice', { id: 'department-pick' }),
        help: msg('Il décide des aides régionales et de l’organisme à contacter.', { id: 'department-aide' }),
      };
    case 'pdsa':
      return {
        label: msg('Vous participez à la permanence des soins (PDSA)', { id: 'pdsa' }),
        help: msg('Gardes du soir, de nuit, du week-end et des jours fériés organisées avec l’ARS.', { id: 'pdsa-help' }),
      };
    case 'hospitalDeProximite':
      return { label: msg('Vous exercez aussi dans un hôpital de proximité', { id: 'hopital-proximite' }) };
    case 'hostsYoungDoctor':
      return { label: msg('Vous accueillez un jeune médecin au cabinet', { id: 'hosts-young-doctor' }) };
    case 'traineeMonths':
      return { label: msg('Mois de stage d’étudiants accueillis par an', { id: 'trainee-months' }) };
    case 'conventionalFees':
      return { label: msg('Honoraires conventionnels annuels (€)', { id: 'conventional-fees' }) };
    case 'opposableShare':
      return { label: msg('Part de l’activité au tarif opposable (%)', { id: 'opposable-share' }) };
    case 'feesInZip':
      return { label: msg('Honoraires annuels réalisés en ZIP (€)', { id: 'fees-in-zip' }) };
    case 'daysPerYearInZip':
      return { label: msg('Jours d’exercice par an en ZIP', { id: 'days-in-zip' }) };
    case 'fmtAmount':
      return { label: msg('Montant annuel de votre forfait médecin traitant (€)', { id: 'fmt-amount' }) };
    case 'student':
      return { label: msg('Vous êtes étudiant(e) ou interne en médecine', { id: 'student' }) };
    case 'allowanceMonths':
      return { label: msg('Durée d’allocation souhaitée (mois)', { id: 'allowance-months' }) };
    default:
      return { label: field };
  }
}

/** Label of an enum value; the value itself when unknown. */
export function valueLabel(value: string): string {
  switch (value) {
    case 'installe':
      return msg('Installé(e) en libéral', { id: 'situation-installe' });
    case 'installation':
      return msg('Je m’installe, ou installé(e) depuis moins d’un an', { id: 'situation-installation' });
    case 'remplacant':
      return msg('Remplaçant(e)', { id: 'situation-remplacant' });
    case 'etudiant':
      return msg('Étudiant(e) ou interne', { id: 'situation-etudiant' });
    case '1':
      return msg('Secteur 1', { id: 'secteur-1' });
    case '2-optam':
      return msg('Secteur 2 avec OPTAM ou OPTAM-ACO', { id: 'secteur-2-avec-optam' });
    case '2':
      return msg('Secteur 2 sans OPTAM', { id: 'secteur-2-sans-optam' });
    case 'non-conventionne':
      return msg('Non conventionné', { id: 'non-conventionne' });
    case 'zip':
      return 'ZIP';
    case 'zac':
      return 'ZAC';
    case 'hors-zone':
      return msg('Ni ZIP ni ZAC', { id: 'ni-zip-ni-zac' });
    case '1/3-etp':
      return msg('1/3 temps', { id: '1-3-temps' });
    case '1/2-etp':
      return msg('Mi-temps (½ ETP)', { id: 'mi-temps-etp' });
    case '1-etp':
      return msg('Temps plein (1 ETP)', { id: 'temps-plein-1-etp' });
    default:
      return value;
  }
}
