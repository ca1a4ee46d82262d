// Code lists for the recording forms, as in data/reference/codes/*.csv (breach_response,
// contact_method, contact_purpose, bail_authority, s63g_decision, s63g_ground). The server
// validates every code against its own tables, so a list here that falls behind shows up as a
// clear validation message, never as a wrong record.

export const BREACH_RESPONSES = [
  ['arrest', 'Arrested'],
  ['charge', 'Charged'],
  ['warning', 'Warning given'],
  ['court', 'Returned to court'],
  ['none', 'Decided no action'],
];

export const CONTACT_METHODS = [
  ['phone', 'Telephone'],
  ['in_person', 'In person'],
  ['video', 'Video call'],
  ['email', 'Email'],
  ['letter', 'Letter'],
  ['text', 'Text message'],
];

export const CONTACT_PURPOSES = [
  ['initial', 'Initial contact and needs assessment'],
  ['update', 'Update on the investigation'],
  ['decision', 'Told of a key decision (arrest, bail, RUI, charge)'],
  ['nfa_explained', 'No-further-action decision explained'],
  ['right_to_review', 'Told of the right to review'],
  ['isva_referral', 'Referral to an ISVA offered'],
  ['withdrawal', 'Victim withdrew support'],
];

export const BAIL_AUTHORITIES = [
  ['', 'Choose who authorised it'],
  ['PS', 'Custody officer (sergeant)'],
  ['INSP', 'Inspector'],
  ['CI', 'Chief inspector'],
  ['SUPT', 'Superintendent'],
  ['CSUPT', 'Chief superintendent'],
  ['ACC', 'Assistant chief constable'],
  ['DCC', 'Deputy chief constable'],
  ['CC', 'Chief constable'],
  ['COURT', "Magistrates' court"],
];

export const S63G_DECISIONS = [
  ['pending', 'Applied: awaiting the Commissioner’s decision'],
  ['granted', 'Consent to retain given'],
  ['refused', 'Consent refused'],
  ['not_applied', 'Decided not to apply'],
];

export const S63G_GROUNDS = [
  ['victim_under_18', 'Alleged victim under 18'],
  ['victim_vulnerable', 'Alleged victim vulnerable'],
  ['victim_associated', 'Alleged victim associated with the person'],
  ['prevent_detect', 'Necessary to assist in preventing or detecting crime'],
];

export const ROLES = [
  ['investigator', 'Investigator'],
  ['supervisor', 'Supervisor'],
  ['analyst', 'Analyst (sees pseudonyms)'],
  ['offender_manager', 'Offender manager'],
  ['scrutiny', 'Scrutiny panel (sees pseudonyms)'],
  ['administrator', 'Administrator'],
];

// Officer roles a training course can be required of (data/reference/codes/officer_role.csv;
// these are officers' posts in the RMS extract, not the application's user roles).
export const OFFICER_ROLES = [
  ['investigator', 'Investigator'],
  ['supervisor', 'Supervisor'],
  ['analyst', 'Analyst'],
  ['offender_manager', 'Offender manager'],
  ['senior_leader', 'Senior leader'],
  ['other', 'Other'],
];

// A scrutiny panel's finding on a case (src/store/governance_records.cpp validates them).
export const PANEL_DECISIONS = [
  ['appropriate', 'Appropriate'],
  ['appropriate_with_learning', 'Appropriate, with learning'],
  ['inappropriate', 'Inappropriate'],
];

export const VICTIM_CARE = [
  ['good', 'Good'],
  ['adequate', 'Adequate'],
  ['poor', 'Poor'],
  ['not_assessed', 'Not assessed'],
];

export const VICTIMS_CODE_COMPLIANCE = [
  ['met', 'Met'],
  ['partly_met', 'Partly met'],
  ['not_met', 'Not met'],
  ['not_assessed', 'Not assessed'],
];
