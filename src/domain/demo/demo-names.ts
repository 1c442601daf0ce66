/** Word lists for fictitious companies and people. Domains use the reserved `.example` TLD. */

// prettier-ignore
export const COMPANY_ROOTS = [
  'Acme', 'Northwind', 'Bluebird', 'Silverline', 'Redwood', 'Ironbridge', 'Bright', 'Summit', 'Harbor', 'Evergreen',
  'Lumen', 'Cobalt', 'Granite', 'Falcon', 'Orchid', 'Meridian', 'Pioneer', 'Crescent', 'Keystone', 'Aurora',
  'Beacon', 'Cedar', 'Driftwood', 'Ember', 'Fjord', 'Glacier', 'Highland', 'Indigo', 'Juniper', 'Kestrel',
  'Lighthouse', 'Maple', 'Nimbus', 'Oakridge', 'Pinnacle', 'Quarry', 'Riverbend', 'Sequoia', 'Tidewater', 'Upland',
  'Vantage', 'Willow', 'Zephyr', 'Amber', 'Basalt', 'Canyon', 'Delta', 'Everest', 'Foxglove', 'Golden Gate',
  'Horizon', 'Iris', 'Jasper', 'Kingfisher', 'Lakeside', 'Monarch', 'Northstar', 'Onyx', 'Prairie', 'Quill',
  'Rosewood', 'Sapphire', 'Thistle', 'Unity', 'Vertex', 'Westbrook', 'Yellowstone', 'Alder', 'Birch', 'Coral',
  'Dune', 'Echo', 'Fern', 'Garnet', 'Hawthorn', 'Ivory', 'Jetstream', 'Kite', 'Larkspur', 'Mistral',
  'Nova', 'Opal', 'Pebble', 'Quartz', 'Raven', 'Saffron', 'Topaz', 'Umber', 'Valley', 'Wren',
  'Atlas', 'Brightwater', 'Clearview', 'Dovetail', 'Elmstead', 'Firefly', 'Greystone', 'Hollow Oak', 'Islay', 'Juno',
  'Kodiak', 'Longview', 'Moonrise', 'Nettle', 'Orion', 'Pathfinder', 'Rookery', 'Stonegate', 'Trillium', 'Wayfarer',
] as const;

// prettier-ignore
export const INDUSTRIES: Readonly<Record<string, readonly string[]>> = {
  'Software': ['Software', 'Labs', 'Systems', 'Cloud', 'Digital', 'Data'],
  'Financial Services': ['Capital', 'Financial', 'Payments', 'Bank', 'Insurance', 'Partners'],
  'Healthcare': ['Health', 'Clinics', 'Medical', 'Care', 'Therapeutics', 'Diagnostics'],
  'Manufacturing': ['Manufacturing', 'Industries', 'Components', 'Fabrication', 'Works', 'Machinery'],
  'Retail': ['Retail', 'Outfitters', 'Goods', 'Market', 'Stores', 'Brands'],
  'Logistics': ['Logistics', 'Freight', 'Shipping', 'Transport', 'Supply', 'Fleet'],
  'Education': ['Learning', 'Academy', 'Education', 'Schools', 'Tutoring', 'Campus'],
  'Media': ['Media', 'Studios', 'Publishing', 'Broadcasting', 'Creative', 'Pictures'],
  'Professional Services': ['Consulting', 'Advisors', 'Group', 'Associates', 'Partners', 'Legal'],
  'Energy': ['Energy', 'Power', 'Solar', 'Utilities', 'Renewables', 'Grid'],
  'Hospitality': ['Hotels', 'Hospitality', 'Resorts', 'Travel', 'Dining', 'Stays'],
  'Real Estate': ['Properties', 'Realty', 'Estates', 'Homes', 'Development', 'Spaces'],
};

/** Share of accounts per industry. */
// prettier-ignore
export const INDUSTRY_WEIGHTS: Readonly<Record<string, number>> = {
  'Software': 20, 'Financial Services': 12, 'Healthcare': 10, 'Manufacturing': 10, 'Retail': 9, 'Logistics': 8,
  'Education': 6, 'Media': 6, 'Professional Services': 8, 'Energy': 4, 'Hospitality': 3, 'Real Estate': 4,
};

// prettier-ignore
export const COMPANY_FORMS = ['', '', '', ' Inc', ' Group', ' Co', ' Ltd', ' Holdings'] as const;

export interface DemoCountry {
  name: string;
  code: string;
  region: string;
  currency: 'USD' | 'EUR' | 'GBP';
  phonePrefix: string;
  cities: readonly string[];
}

// prettier-ignore
export const COUNTRIES: readonly DemoCountry[] = [
  { name: 'United States', code: 'US', region: 'North America', currency: 'USD', phonePrefix: '+1 555', cities: ['Austin', 'Boston', 'Chicago', 'Denver', 'Seattle', 'Atlanta', 'New York', 'San Diego'] },
  { name: 'Canada', code: 'CA', region: 'North America', currency: 'USD', phonePrefix: '+1 555', cities: ['Toronto', 'Vancouver', 'Montreal', 'Calgary'] },
  { name: 'United Kingdom', code: 'GB', region: 'EMEA', currency: 'GBP', phonePrefix: '+44 20 7946', cities: ['London', 'Manchester', 'Leeds', 'Bristol', 'Edinburgh'] },
  { name: 'Germany', code: 'DE', region: 'EMEA', currency: 'EUR', phonePrefix: '+49 30 5550', cities: ['Berlin', 'Munich', 'Hamburg', 'Cologne'] },
  { name: 'France', code: 'FR', region: 'EMEA', currency: 'EUR', phonePrefix: '+33 1 5550', cities: ['Paris', 'Lyon', 'Nantes', 'Lille'] },
  { name: 'Netherlands', code: 'NL', region: 'EMEA', currency: 'EUR', phonePrefix: '+31 20 5550', cities: ['Amsterdam', 'Rotterdam', 'Utrecht'] },
  { name: 'Spain', code: 'ES', region: 'EMEA', currency: 'EUR', phonePrefix: '+34 91 5550', cities: ['Madrid', 'Barcelona', 'Valencia'] },
  { name: 'Ireland', code: 'IE', region: 'EMEA', currency: 'EUR', phonePrefix: '+353 1 5550', cities: ['Dublin', 'Cork'] },
  { name: 'Australia', code: 'AU', region: 'APAC', currency: 'USD', phonePrefix: '+61 2 5550', cities: ['Sydney', 'Melbourne', 'Brisbane'] },
  { name: 'Singapore', code: 'SG', region: 'APAC', currency: 'USD', phonePrefix: '+65 5550', cities: ['Singapore'] },
  { name: 'Japan', code: 'JP', region: 'APAC', currency: 'USD', phonePrefix: '+81 3 5550', cities: ['Tokyo', 'Osaka'] },
  { name: 'Brazil', code: 'BR', region: 'LATAM', currency: 'USD', phonePrefix: '+55 11 5550', cities: ['São Paulo', 'Rio de Janeiro'] },
  { name: 'Mexico', code: 'MX', region: 'LATAM', currency: 'USD', phonePrefix: '+52 55 5550', cities: ['Mexico City', 'Monterrey'] },
];

/** Share of accounts per country, in COUNTRIES order (≈ 70% billed in USD, 18% EUR, 12% GBP). */
export const COUNTRY_WEIGHTS: readonly number[] = [52, 6, 12, 7, 4, 3, 2, 2, 4, 2, 2, 2, 2];

/** Suffixes for subsidiaries of an enterprise parent. */
// prettier-ignore
export const SUBSIDIARY_SUFFIXES = ['EMEA', 'APAC', 'Americas', 'UK', 'Germany', 'Canada', 'Labs', 'Services', 'Digital', 'Europe'] as const;

// prettier-ignore
export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Oliver', 'Sophia', 'Elijah', 'Isabella', 'James',
  'Mia', 'William', 'Amelia', 'Benjamin', 'Harper', 'Lucas', 'Evelyn', 'Henry', 'Abigail', 'Alexander',
  'Aisha', 'Mateo', 'Chloe', 'Hiroshi', 'Fatima', 'Diego', 'Ingrid', 'Kwame', 'Leila', 'Ravi',
  'Sakura', 'Tomás', 'Yara', 'Zanele', 'Anika', 'Bjorn', 'Camila', 'Dmitri', 'Elif', 'Femi',
  'Grace', 'Hannah', 'Ibrahim', 'Julia', 'Kenji', 'Lena', 'Marco', 'Nadia', 'Omar', 'Paula',
  'Quentin', 'Rosa', 'Samuel', 'Tara', 'Uma', 'Victor', 'Wei', 'Ximena', 'Yusuf', 'Zoe',
  'Adrian', 'Beatriz', 'Connor', 'Dalia', 'Ethan', 'Freya', 'Gabriel', 'Helena', 'Isaac', 'Jade',
  'Kai', 'Laura', 'Miguel', 'Nora', 'Oscar', 'Priya', 'Rafael', 'Sara', 'Theo', 'Valentina',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson',
  'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott',
  'Nguyen', 'Kim', 'Chen', 'Singh', 'Kumar', 'Tanaka', 'Sato', 'Müller', 'Schmidt', 'Schneider',
  'Dubois', 'Laurent', 'Bernard', 'Rossi', 'Bianchi', 'Fernández', 'Silva', 'Santos', 'Oliveira', 'Jansen',
  'de Vries', 'Bakker', 'Novak', 'Kowalski', 'Andersson', 'Nielsen', 'Hansen', 'Murphy', "O'Brien", 'Kelly',
  'Adeyemi', 'Okafor', 'Mensah', 'Haddad', 'Khan', 'Ali', 'Cohen', 'Levi', 'Ivanova', 'Petrov',
  'Park', 'Choi', 'Wang', 'Li', 'Zhang', 'Gupta', 'Patel', 'Shah', 'Reyes', 'Cruz',
] as const;

/** Job titles by contact role, roughly by company size (small companies have flatter titles). */
// prettier-ignore
export const TITLES_BY_ROLE: Readonly<Record<string, readonly string[]>> = {
  champion: ['Operations Manager', 'Head of Operations', 'Program Manager', 'Team Lead', 'Director of Operations'],
  decision_maker: ['VP Operations', 'Director of Strategy', 'Head of Digital', 'COO', 'General Manager'],
  exec_sponsor: ['Chief Operating Officer', 'Chief Executive Officer', 'Chief Digital Officer', 'SVP Operations'],
  power_user: ['Senior Analyst', 'Systems Administrator', 'Operations Analyst', 'Business Analyst', 'Solutions Architect'],
  billing: ['Finance Manager', 'Accounts Payable Specialist', 'Procurement Manager', 'Controller'],
  user: ['Analyst', 'Coordinator', 'Specialist', 'Associate', 'Project Manager', 'Consultant', 'Engineer'],
};

/** Turns a company name into a `.example` domain label: 'Acme Logistics Inc' → 'acme-logistics'. */
export function domainLabelOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(inc|co|ltd|group|holdings)\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lower-case ASCII form of a person's name part, for email addresses: "O'Brien" → 'obrien'. */
export function emailLabelOf(namePart: string): string {
  return namePart
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
