// The worklists the front end knows: their titles, what they are for, and the action a user can
// record from an item (and which item kinds that action applies to).

export const WORKLISTS = {
  bail: {
    title: 'Bail and released under investigation',
    description: 'Pre-charge bail lapsed or about to expire without a decision, extensions authorised at too low a rank, conditions set without the victim’s views, and long-running RUI.',
    action: { id: 'bail-extension', label: 'Record extension', appliesTo: (item) => item.kind !== 'rui_open_too_long' },
  },
  orders: {
    title: 'Protection orders',
    description: 'Orders in force that end soon: decide whether to apply for a renewal or a new order.',
  },
  breaches: {
    title: 'Breaches of bail and orders',
    description: 'Breaches with no police response recorded, most overdue first, and people who breach repeatedly.',
    action: { id: 'breach-response', label: 'Record response', appliesTo: (item) => item.kind !== 'repeat_breaches' },
  },
  s63g: {
    title: 's63G biometric retention',
    description: 'People not charged with a qualifying offence whose DNA and fingerprints will be destroyed unless the Biometrics Commissioner consents: applications due, and retention periods open for extension.',
    action: { id: 's63g', label: 'Record decision', appliesTo: () => true },
  },
  victims: {
    title: 'Victim contact',
    description: 'Victims’ Code updates due: key decisions not yet told, NFA decisions not explained, right to review, ISVA referrals and agreed regular updates.',
    action: { id: 'victim-contact', label: 'Record contact', appliesTo: () => true },
  },
  training: {
    title: 'Training',
    description: 'Officers whose required RASSO training is missing or about to expire.',
  },
};

export const ACTION_TITLES = {
  'breach-response': 'Record the response to a breach',
  'victim-contact': 'Record a contact with a victim',
  'bail-extension': 'Record a bail extension',
  s63g: 'Record a s63G application or decision',
};
