// Occitanie demo: the same sample profile, set through the `profile` property, at two dates.
// A general practitioner settling for the first time in a ZIP of a mountain commune of Ariège.
const profile = {
  specialty: 'medecine-generale',
  sector: '1',
  age: 38,
  zone: 'zip',
  department: '09',
  mountain: true,
  daysPerWeek: 4,
  pdsa: true,
  coordinatedPractice: true,
  groupPractice: true,
  firstInstallation: true,
  newlyInstalled: true,
  patienteleMT: 900,
  fileActive: 1200,
  hospitalDeProximite: false,
  student: false,
  remplacant: false,
  traineeMonths: 0,
  fmtAmount: 18000,
};

await customElements.whenDefined('aide-assistant-medical');
// Each doctor settles on the simulation date.
for (const el of document.querySelectorAll('aide-assistant-medical'))
  el.profile = { ...profile, installationDate: el.getAttribute('as-of') };
