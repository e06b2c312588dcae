/*
 * The word lists the generator draws from: names as they appear at a US shop
 * counter (accents included), states with their area codes and plate
 * patterns, and makes with real WMIs, models, head units, radio serial and
 * code formats. Plausible, not authoritative.
 */

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Charles', 'Lisa', 'Daniel', 'Nancy',
  'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Margaret', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily',
  'Paul', 'Donna', 'Joshua', 'Michelle', 'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'Timothy', 'Deborah',
  'Ronald', 'Stephanie', 'George', 'Rebecca', 'Jason', 'Sharon', 'Edward', 'Laura', 'Jeffrey', 'Cynthia', 'Ryan', 'Dorothy',
  'Jacob', 'Amy', 'Gary', 'Kathleen', 'Nicholas', 'Angela', 'Eric', 'Shirley', 'Jonathan', 'Emma', 'Stephen', 'Brenda',
  'José', 'María', 'Juan', 'Guadalupe', 'Luis', 'Rosa', 'Carlos', 'Ana', 'Jesús', 'Lucía', 'Miguel', 'Sofía', 'Alejandro',
  'Verónica', 'Ramón', 'Inés', 'Andrés', 'Mónica', 'Héctor', 'Raúl', 'Nguyen', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Priya',
  'Arjun', 'Fatima', 'Omar', 'Aisha', 'Mohammed', 'Olga', 'Dmitri', 'Zoë', 'Chloé', 'François', 'Björn', 'Søren', 'Ngozi',
  'Chinedu', 'Kwame', 'Tyrone', 'Latoya', 'DeShawn', 'Imani', 'Connor', 'Siobhan', 'Seán', 'Aoife', 'Liam', 'Noah',
]

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins',
  'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson',
  'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood',
  'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers',
  'Long', 'Ross', 'Foster', 'Jiménez', 'Núñez', 'Peña', 'Muñoz', 'Ibáñez', 'Beltrán', 'Ordóñez', 'Schröder', 'Müller',
  'Østergaard', 'O\'Brien', 'O\'Connor', 'McAllister', 'MacDonald', 'Van der Berg', 'De la Cruz', 'St. John', 'Tran',
  'Pham', 'Le', 'Vo', 'Huang', 'Zhang', 'Wang', 'Li', 'Chen', 'Yamamoto', 'Tanaka', 'Sato', 'Kowalski', 'Nowak',
  'Ivanov', 'Popescu', 'Okafor', 'Mensah', 'Haddad', 'Khan', 'Singh', 'Shah', 'Gupta', 'Cohen', 'Levi', 'Rossi',
  'Russo', 'Esposito', 'Dubois', 'Lefèvre', 'Andersson', 'Johansson', 'Larsen', 'Hansen', 'Kuznetsova', 'Ahmed',
]

export const BUSINESS_WORDS = ['Plumbing', 'Electric', 'Landscaping', 'Roofing', 'Catering', 'Courier', 'Florist', 'Bakery', 'Towing', 'Cleaning']
export const BUSINESS_SUFFIXES = ['LLC', 'Inc.', 'Co.', '& Sons', 'Services', 'Group']

export const EMAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'comcast.net', 'att.net']

/** A plate pattern: L = letter, D = digit, anything else literal. */
export interface StateInfo {
  readonly code: string
  readonly areaCodes: readonly string[]
  readonly plates: readonly string[]
  /** Share of customers from this state (the shop's own state dominates; see generator). */
  readonly weight: number
}

export const STATES: readonly StateInfo[] = [
  { code: 'TX', areaCodes: ['512', '737', '210', '214', '469', '713', '832', '817'], plates: ['LLL-DDDD', 'LLLDDDD', 'LLD-LDDD'], weight: 40 },
  { code: 'CA', areaCodes: ['213', '310', '415', '510', '619', '714', '818', '916'], plates: ['DLLLDDD'], weight: 8 },
  { code: 'NY', areaCodes: ['212', '347', '516', '585', '718', '917'], plates: ['LLL-DDDD', 'LLLDDDD'], weight: 6 },
  { code: 'FL', areaCodes: ['305', '407', '561', '727', '813', '904'], plates: ['LLLL DD', 'DDD LLL', 'LLLD DD'], weight: 6 },
  { code: 'IL', areaCodes: ['312', '630', '708', '773', '847'], plates: ['LL DDDDD', 'LDD DDDD'], weight: 4 },
  { code: 'AZ', areaCodes: ['480', '520', '602', '623', '928'], plates: ['LLLDDDD', 'LLL DDDD'], weight: 4 },
  { code: 'OK', areaCodes: ['405', '539', '580', '918'], plates: ['LLL-DDD', 'DDD-LLL'], weight: 4 },
  { code: 'LA', areaCodes: ['225', '318', '337', '504', '985'], plates: ['LLL DDD', 'DDD LLL'], weight: 4 },
  { code: 'NM', areaCodes: ['505', '575'], plates: ['LLL-DDD', 'DDD-LLL'], weight: 3 },
  { code: 'CO', areaCodes: ['303', '719', '720', '970'], plates: ['LLL-LDD', 'DDD-LLL'], weight: 3 },
  { code: 'GA', areaCodes: ['404', '470', '678', '770', '912'], plates: ['LLLDDDD', 'LLL DDDD'], weight: 3 },
  { code: 'OH', areaCodes: ['216', '330', '513', '614', '937'], plates: ['LLL DDDD'], weight: 3 },
  { code: 'WA', areaCodes: ['206', '253', '360', '425', '509'], plates: ['LLLDDDD', 'DDDLLLL'], weight: 2 },
  { code: 'PA', areaCodes: ['215', '267', '412', '610', '717'], plates: ['LLL-DDDD'], weight: 2 },
  { code: 'MI', areaCodes: ['248', '313', '517', '616', '734'], plates: ['LLL DDDD', 'DLLDDD'], weight: 2 },
  { code: 'NC', areaCodes: ['704', '919', '910', '336'], plates: ['LLL-DDDD'], weight: 2 },
]

export interface MakeInfo {
  readonly make: string
  /** World manufacturer identifiers (VIN positions 1–3). */
  readonly wmis: readonly string[]
  readonly models: readonly string[]
  readonly headUnits: readonly string[]
  /** Radio serial pattern: L = letter, D = digit, A = letter or digit, anything else literal. */
  readonly serials: readonly string[]
  /** Code length in digits and the highest digit used (Ford/Chrysler codes use 1–8 or 1–9 only, some 0–9). */
  readonly code: { readonly length: number; readonly digits: string }
  readonly weight: number
}

export const MAKES: readonly MakeInfo[] = [
  { make: 'Honda', wmis: ['1HG', 'JHM', '2HG', '5FN', '5J6'], models: ['Accord', 'Civic', 'CR-V', 'Odyssey', 'Pilot', 'Fit', 'Element', 'Ridgeline'], headUnits: ['Alpine 39100', 'Panasonic CQ-EH', 'Clarion 39100-SDA'], serials: ['DDDDDDDD', 'UDDDDDDD', 'A4DDDDDD'], code: { length: 5, digits: '123456789' }, weight: 14 },
  { make: 'Acura', wmis: ['19U', 'JH4', '2HN'], models: ['TL', 'TSX', 'MDX', 'RDX', 'Integra', 'ILX'], headUnits: ['Alpine 39101', 'Panasonic CQ-JA'], serials: ['DDDDDDDD', 'UDDDDDDD'], code: { length: 5, digits: '123456789' }, weight: 3 },
  { make: 'Toyota', wmis: ['4T1', 'JTD', '5TD', '2T1', '5TF', 'JTE'], models: ['Camry', 'Corolla', 'RAV4', 'Tacoma', 'Highlander', 'Sienna', 'Prius', 'Tundra', '4Runner'], headUnits: ['Fujitsu Ten 86120', 'Pioneer 86120', 'Panasonic 86120'], serials: ['DDDDDDDDDD', 'LLDDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 14 },
  { make: 'Lexus', wmis: ['JTH', '2T2', 'JTJ'], models: ['ES 350', 'RX 350', 'IS 250', 'GX 470'], headUnits: ['Pioneer 86120', 'Mark Levinson 86120'], serials: ['DDDDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 2 },
  { make: 'Ford', wmis: ['1FA', '1FT', '3FA', '1FM', '2FM'], models: ['F-150', 'Focus', 'Fusion', 'Escape', 'Explorer', 'Ranger', 'Mustang', 'Taurus', 'Edge'], headUnits: ['Visteon 6000CD', 'Visteon 4500', 'Sony 6CD'], serials: ['MDDDDDD', 'VDDDDDD', 'DDDDDD'], code: { length: 4, digits: '12345678' }, weight: 14 },
  { make: 'Chevrolet', wmis: ['1G1', '1GC', '2G1', '1GN', '3GN'], models: ['Silverado', 'Malibu', 'Impala', 'Equinox', 'Tahoe', 'Cruze', 'Colorado', 'Trailblazer'], headUnits: ['Delco 15', 'Delco 25', 'Delphi CDX'], serials: ['DDDDDDDD', 'LLDDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 12 },
  { make: 'GMC', wmis: ['1GT', '2GT', '1GK'], models: ['Sierra', 'Yukon', 'Acadia', 'Terrain', 'Canyon'], headUnits: ['Delco 15', 'Delphi CDX'], serials: ['DDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 3 },
  { make: 'Nissan', wmis: ['1N4', 'JN1', '3N1', '5N1', '1N6'], models: ['Altima', 'Sentra', 'Rogue', 'Pathfinder', 'Frontier', 'Maxima', 'Versa'], headUnits: ['Clarion PN-2', 'Bose 28185', 'Xanavi 28185'], serials: ['BPDDDDDDDDDDDDD', 'CNDDDDDDDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 8 },
  { make: 'Hyundai', wmis: ['KMH', '5NP', '5NM'], models: ['Elantra', 'Sonata', 'Santa Fe', 'Tucson', 'Accent'], headUnits: ['Mobis 96170', 'Mobis 96160'], serials: ['AADDDDDDDD', 'LLDDDDLLDDDD'], code: { length: 4, digits: '0123456789' }, weight: 5 },
  { make: 'Kia', wmis: ['KNA', '5XY', 'KND'], models: ['Optima', 'Sorento', 'Soul', 'Sportage', 'Forte'], headUnits: ['Mobis 96150', 'Mobis 96170'], serials: ['AADDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 4 },
  { make: 'Volkswagen', wmis: ['3VW', 'WVW', '1VW', 'WVG'], models: ['Jetta', 'Passat', 'Golf', 'Beetle', 'Tiguan', 'Atlas'], headUnits: ['RCD 310', 'RNS 315', 'Premium 7', 'Gamma V'], serials: ['VWZ1Z2LDDDDDDD', 'VWZ4Z7LDDDDDDD', 'AUZ1Z3LDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 5 },
  { make: 'Audi', wmis: ['WAU', 'WA1'], models: ['A4', 'A6', 'Q5', 'Q7', 'A3'], headUnits: ['Concert', 'Chorus', 'Symphony'], serials: ['AUZ1Z2LDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 2 },
  { make: 'Subaru', wmis: ['JF1', '4S3', 'JF2', '4S4'], models: ['Outback', 'Forester', 'Impreza', 'Legacy', 'Crosstrek'], headUnits: ['Clarion 86201', 'Panasonic 86201'], serials: ['DDDDDDDDDDDD', 'CQDDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 3 },
  { make: 'Jeep', wmis: ['1C4', '1J4', '1J8'], models: ['Grand Cherokee', 'Wrangler', 'Liberty', 'Compass', 'Patriot', 'Cherokee'], headUnits: ['RES', 'REC', 'RB1', 'RAQ'], serials: ['TQ1AADDDDDDDDD', 'TM9ADDDDDDDDDD', 'TVPQNDDDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 5 },
  { make: 'Dodge', wmis: ['1B3', '2B3', '2C3', '1D7', '3D7'], models: ['Ram 1500', 'Charger', 'Caravan', 'Durango', 'Dakota', 'Journey'], headUnits: ['RES', 'REC', 'RBZ', 'RAR'], serials: ['TQ1AADDDDDDDDD', 'TM9ADDDDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 5 },
  { make: 'Chrysler', wmis: ['2C4', '1C3', '2A4'], models: ['Town & Country', '300', 'Pacifica', 'Sebring', 'PT Cruiser'], headUnits: ['RES', 'REJ', 'RER'], serials: ['TQ1AADDDDDDDDD', 'TVPQNDDDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 3 },
  { make: 'Mazda', wmis: ['JM1', '1YV', 'JM3'], models: ['Mazda3', 'Mazda6', 'CX-5', 'CX-9', 'MX-5'], headUnits: ['Mazda 14792', 'Bose 14792'], serials: ['LDDDDDDD', 'DDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 3 },
  { make: 'Mitsubishi', wmis: ['JA3', '4A3', 'JA4'], models: ['Lancer', 'Outlander', 'Galant', 'Eclipse'], headUnits: ['Mitsubishi MZ', 'Clarion MZ'], serials: ['DDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 1 },
  { make: 'BMW', wmis: ['WBA', '5UX', 'WBS'], models: ['325i', '328i', '530i', 'X3', 'X5'], headUnits: ['Business CD', 'Professional'], serials: ['DDDDDDDDD'], code: { length: 5, digits: '0123456789' }, weight: 2 },
  { make: 'Mercedes-Benz', wmis: ['WDD', '4JG', 'WDB', 'WDC'], models: ['C 300', 'E 350', 'ML 350', 'GLK 350', 'S 550'], headUnits: ['Audio 20', 'Comand APS'], serials: ['BEDDDDDDDD', 'BEDDDDLDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 2 },
  { make: 'Volvo', wmis: ['YV1', 'YV4'], models: ['S60', 'XC90', 'V70', 'XC60'], headUnits: ['HU-650', 'HU-850'], serials: ['DDDDDDDD'], code: { length: 4, digits: '0123456789' }, weight: 1 },
]

export const COLOURS = ['White', 'Black', 'Silver', 'Gray', 'Red', 'Blue', 'Green', 'Brown', 'Beige', 'Gold', 'Maroon', 'Tan', '']
export const TRIMS = ['', '', 'LX', 'EX', 'SE', 'LE', 'XLT', 'LT', 'Limited', 'Sport', 'S', 'SV', 'Touring']
export const PHONE_LABELS = ['mobile', 'home', 'work']

export const CODE_SOURCES = [
  ['owner-card', 30],
  ['sticker', 20],
  ['owners-manual', 10],
  ['customer', 15],
  ['dealer', 15],
  ['manufacturer-website', 5],
  ['previous-visit', 4],
  ['other', 1],
] as const
