import type { SandboxClient } from './sandbox-options.js';

// Ids are sparse on purpose: real tenants delete clients, so nothing may assume ids are
// contiguous or equal to positions in the list.
export const HANS_MUELLER_ID = 1001;
export const ANNA_MUELLER_ID = 1002;
/** Spelled "Mueller" in the record. */
export const PETER_MUELLER_ID = 1003;
export const RUTH_MUELLER_BERN_ID = 1004;
export const BEAT_MEIER_ID = 1005;
export const CLAUDIA_MEYER_ID = 1006;
export const URS_SCHMID_ID = 1007;
export const RETO_SCHMIDT_ID = 1008;
export const LUKAS_BRUNNER_ID = 1009;
export const SANDRA_GASSER_ID = 1010;
/** Markus Weber, whose phone is one digit off Hans Müller's. */
export const ONE_DIGIT_OFF_ID = 1011;
export const ACME_BAU_ID = 1012;
/** Roman Keller, Projektleiter at Acme Bau AG. */
export const ACME_CONTACT_ID = 1013;
/** Jürgen Hoffmann in Berlin, +49 number, country 276. */
export const GERMAN_CONTACT_ID = 1014;
export const ZOE_FAVRE_ID = 1015;
export const FRANCOIS_DUPONT_ID = 1016;
/** Fiduciaria Bernasconi SA in Lugano. */
export const LUGANO_COMPANY_ID = 1022;
export const GIAN_CADUFF_ID = 1025;
/** Nicole Gerber in Biel/Bienne. */
export const BIEL_PERSON_ID = 1028;
/** A person with contactAddress: null. */
export const NULL_ADDRESS_ID = 1038;
/** A person whose text fields are all empty strings. */
export const EMPTY_STRINGS_ID = 1039;
/** A record holding only id, contactType and names: every other key is missing. */
export const MISSING_KEYS_ID = 1040;

export const HANS_MUELLER_PHONE = '+41 44 123 45 67';
export const ONE_DIGIT_OFF_PHONE = '+41 44 123 45 68';
export const ACME_BAU_EMAIL = 'info@acme-bau.ch';
export const ACME_CONTACT_EMAIL = 'r.keller@acme-bau.ch';

const SWITZERLAND = 756;
const GERMANY = 276;
const LIECHTENSTEIN = 438;

interface Documented {
  contactType: 1 | 2;
  companyName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  salutation?: string | null;
  website?: string | null;
  position?: string | null;
  phone?: string | null;
  mobile?: string | null;
  email?: string | null;
  department?: string | null;
  gender?: number | null;
  telMobile?: string | null;
  fax?: string | null;
}

interface Address {
  street: string | null;
  number?: string | null;
  poBox?: string | null;
  city: string | null;
  zip: string | null;
  state?: string | null;
  country?: number | null;
}

interface Extras {
  createdAt?: string;
  tags?: string[];
  [key: string]: unknown;
}

/** Fills the documented fields the way ASP.NET sends them: present, and null when unknown. */
function client(id: number, fields: Documented, address: Address | null, extras: Extras = {}): SandboxClient {
  return {
    id,
    contactType: fields.contactType,
    companyName: fields.companyName ?? null,
    firstName: fields.firstName ?? null,
    lastName: fields.lastName ?? null,
    salutation: fields.salutation ?? null,
    website: fields.website ?? null,
    position: fields.position ?? null,
    phone: fields.phone ?? null,
    mobile: fields.mobile ?? null,
    email: fields.email ?? null,
    department: fields.department ?? null,
    gender: fields.gender ?? null,
    telMobile: fields.telMobile ?? null,
    fax: fields.fax ?? null,
    contactAddress:
      address === null
        ? null
        : {
            street: address.street,
            number: address.number ?? null,
            poBox: address.poBox ?? null,
            city: address.city,
            zip: address.zip,
            state: address.state ?? null,
            country: address.country ?? SWITZERLAND,
            type: 0,
          },
    customerNumber: `K-${id}`,
    createdAt:
      extras.createdAt ?? `20${String(14 + (id % 10))}-0${1 + (id % 9)}-1${id % 10}T09:${String(10 + (id % 50))}:00`,
    tags: extras.tags ?? [],
    ...extras,
  };
}

const herr = (first: string, last: string) => ({
  contactType: 1 as const,
  firstName: first,
  lastName: last,
  salutation: 'Herr',
  gender: 1,
});
const frau = (first: string, last: string) => ({
  contactType: 1 as const,
  firstName: first,
  lastName: last,
  salutation: 'Frau',
  gender: 2,
});

/**
 * The curated demo tenant: 52 Swiss clients tests and the demo rely on. It holds
 * - Hans Müller (Zürich, +41 44 123 45 67), Anna Müller (Zürich), Peter Mueller (Basel,
 *   spelled "Mueller"), Ruth Müller (Bern) and the company Müller Haustechnik AG (Olten);
 * - near-namesakes Beat Meier / Claudia Meyer, Urs Schmid / Reto Schmidt, plus Lukas Brunner
 *   and Sandra Gasser;
 * - Markus Weber, whose phone +41 44 123 45 68 is one digit off Hans Müller's;
 * - Acme Bau AG (info@acme-bau.ch, www.acme-bau.ch) and its Projektleiter Roman Keller
 *   (r.keller@acme-bau.ch);
 * - Zoë Favre (Rue de Carouge, Genève), François Dupont (Lausanne), Fiduciaria Bernasconi SA
 *   (Lugano), Gian Caduff (Chur), Nicole Gerber (Biel/Bienne), Jürgen Hoffmann (Berlin, +49);
 * - Claudia Meyer on "Bahnhofstraße 12" (with ß), Anna Müller on "Seestrasse";
 * - edge cases: mostly-null records, contactAddress null, empty strings, missing keys.
 * Every phone format the field sees appears at least once. Each call returns fresh copies.
 */
export function seedClients(): SandboxClient[] {
  return [
    client(
      HANS_MUELLER_ID,
      {
        ...herr('Hans', 'Müller'),
        phone: HANS_MUELLER_PHONE,
        mobile: '+41 79 412 33 10',
        email: 'hans.mueller@bluewin.ch',
      },
      { street: 'Limmatquai', number: '58', city: 'Zürich', zip: '8001', state: 'ZH' },
      { tags: ['Stammkunde'] },
    ),
    client(
      ANNA_MUELLER_ID,
      { ...frau('Anna', 'Müller'), phone: '044 261 88 90', mobile: '078 655 21 04', email: 'anna.mueller@gmx.ch' },
      { street: 'Seestrasse', number: '120', city: 'Zürich', zip: '8002', state: 'ZH' },
      { tags: ['Newsletter'] },
    ),
    client(
      PETER_MUELLER_ID,
      { ...herr('Peter', 'Mueller'), phone: '0041 61 272 14 30', email: 'p.mueller@sunrise.ch' },
      { street: 'Steinenvorstadt', number: '33', city: 'Basel', zip: '4051', state: 'BS' },
    ),
    client(
      RUTH_MUELLER_BERN_ID,
      { ...frau('Ruth', 'Müller'), phone: '031/311.42.87' },
      { street: 'Kramgasse', number: '49', city: 'Bern', zip: '3011', state: 'BE' },
      { tags: ['Privat'] },
    ),
    client(
      BEAT_MEIER_ID,
      { ...herr('Beat', 'Meier'), phone: '+41 (0)52 212 34 56', email: 'beat.meier@hispeed.ch' },
      { street: 'Marktgasse', number: '21', city: 'Winterthur', zip: '8400', state: 'ZH' },
    ),
    client(
      CLAUDIA_MEYER_ID,
      { ...frau('Claudia', 'Meyer'), phone: '041 410 22 33', email: 'claudia.meyer@gmail.com' },
      { street: 'Bahnhofstraße', number: '12', city: 'Luzern', zip: '6003', state: 'LU' },
      { tags: ['VIP', 'Stammkunde'] },
    ),
    client(
      URS_SCHMID_ID,
      { ...herr('Urs', 'Schmid'), phone: '071 222 45 67', mobile: '079-123-45-67', email: 'urs.schmid@bluewin.ch' },
      { street: 'Multergasse', number: '8', city: 'St. Gallen', zip: '9000', state: 'SG' },
    ),
    client(
      RETO_SCHMIDT_ID,
      {
        ...herr('Reto', 'Schmidt'),
        phone: '062 822 11 90',
        email: 'reto.schmidt@schmidt-holzbau.ch',
        position: 'Inhaber',
      },
      { street: 'Bahnhofstrasse', number: '5', city: 'Aarau', zip: '5000', state: 'AG' },
      { tags: ['Handwerk'] },
    ),
    client(
      LUKAS_BRUNNER_ID,
      { ...herr('Lukas', 'Brunner'), mobile: '076 333 44 55', email: 'lukas.brunner@outlook.com' },
      { street: 'Baarerstrasse', number: '14a', city: 'Zug', zip: '6300', state: 'ZG' },
    ),
    client(
      SANDRA_GASSER_ID,
      { ...frau('Sandra', 'Gasser'), phone: '041 660 12 34', email: 'sandra.gasser@gmx.ch' },
      { street: 'Brünigstrasse', number: '118', city: 'Sarnen', zip: '6060', state: 'OW' },
    ),
    client(
      ONE_DIGIT_OFF_ID,
      { ...herr('Markus', 'Weber'), phone: ONE_DIGIT_OFF_PHONE, email: 'markus.weber@bluewin.ch' },
      { street: 'Seefeldstrasse', number: '7', city: 'Zürich', zip: '8008', state: 'ZH' },
    ),
    client(
      ACME_BAU_ID,
      {
        contactType: 2,
        companyName: 'Acme Bau AG',
        email: ACME_BAU_EMAIL,
        website: 'www.acme-bau.ch',
        phone: '+41 44 500 60 70',
        fax: '+41 44 500 60 71',
        gender: 0,
      },
      { street: 'Hardturmstrasse', number: '101', poBox: 'Postfach 2210', city: 'Zürich', zip: '8005', state: 'ZH' },
      { tags: ['Bau', 'Key Account'] },
    ),
    client(
      ACME_CONTACT_ID,
      {
        ...herr('Roman', 'Keller'),
        companyName: 'Acme Bau AG',
        position: 'Projektleiter',
        department: 'Hochbau',
        email: ACME_CONTACT_EMAIL,
        phone: '044 500 60 74',
        mobile: '079 687 12 90',
      },
      { street: 'Hardturmstrasse', number: '101', city: 'Zürich', zip: '8005', state: 'ZH' },
      { tags: ['Bau'] },
    ),
    client(
      GERMAN_CONTACT_ID,
      {
        ...herr('Jürgen', 'Hoffmann'),
        phone: '+49 30 2345 6789',
        email: 'j.hoffmann@web.de',
        companyName: 'Hoffmann Logistik GmbH',
        position: 'Einkauf',
      },
      { street: 'Friedrichstraße', number: '88', city: 'Berlin', zip: '10117', state: 'Berlin', country: GERMANY },
    ),
    client(
      ZOE_FAVRE_ID,
      {
        contactType: 1,
        firstName: 'Zoë',
        lastName: 'Favre',
        salutation: 'Madame',
        gender: 2,
        phone: '+41 22 310 45 67',
        email: 'zoe.favre@bluewin.ch',
      },
      { street: 'Rue de Carouge', number: '42', city: 'Genève', zip: '1205', state: 'GE' },
      { language: 'fr' },
    ),
    client(
      FRANCOIS_DUPONT_ID,
      {
        contactType: 1,
        firstName: 'François',
        lastName: 'Dupont',
        salutation: 'Monsieur',
        gender: 1,
        phone: '021 323 45 67',
        email: 'francois.dupont@romandie.com',
      },
      {
        street: 'Avenue de la Gare',
        number: '10',
        poBox: 'Case postale 123',
        city: 'Lausanne',
        zip: '1003',
        state: 'VD',
      },
      { language: 'fr' },
    ),
    client(
      1017,
      {
        contactType: 1,
        firstName: 'Céline',
        lastName: 'Rochat',
        salutation: 'Madame',
        gender: 2,
        phone: '024 425 12 12',
        mobile: '+41 78 912 45 00',
        email: 'celine.rochat@gmail.com',
      },
      { street: 'Rue du Lac', number: '3bis', city: 'Yverdon-les-Bains', zip: '1400', state: 'VD' },
      { language: 'fr' },
    ),
    client(
      1018,
      {
        contactType: 2,
        companyName: 'Boulangerie Perret Sàrl',
        email: 'contact@boulangerie-perret.ch',
        website: 'https://www.boulangerie-perret.ch',
        phone: '032 724 18 18',
      },
      { street: 'Rue du Seyon', number: '22', city: 'Neuchâtel', zip: '2000', state: 'NE' },
      { tags: ['Gastro'], language: 'fr' },
    ),
    client(
      1019,
      {
        contactType: 2,
        companyName: 'Garage du Lac SA',
        website: 'http://garagedulac.ch',
        phone: '+41 (0)21 963 11 22',
        email: 'info@garagedulac.ch',
        fax: '021 963 11 23',
      },
      { street: 'Avenue des Alpes', number: '70', city: 'Montreux', zip: '1820', state: 'VD' },
      { language: 'fr' },
    ),
    client(
      1020,
      {
        contactType: 1,
        firstName: 'Hélène',
        lastName: 'Bonvin',
        salutation: 'Madame',
        gender: 2,
        phone: '027 322 45 90',
        email: 'helene.bonvin@netplus.ch',
      },
      { street: 'Rue du Grand-Pont', number: '14', city: 'Sion', zip: '1950', state: 'VS' },
      { language: 'fr' },
    ),
    client(
      1021,
      {
        contactType: 1,
        firstName: 'Jean-Marc',
        lastName: 'Délèze',
        salutation: 'Monsieur',
        gender: 1,
        mobile: '079 220 31 45',
      },
      { street: 'Rue de la Poste', number: '8', city: 'Martigny', zip: '1920', state: 'VS' },
      { language: 'fr' },
    ),
    client(
      LUGANO_COMPANY_ID,
      {
        contactType: 2,
        companyName: 'Fiduciaria Bernasconi SA',
        email: 'info@fiduciaria-bernasconi.ch',
        website: 'fiduciaria-bernasconi.ch',
        phone: '091 922 33 44',
        fax: '091 922 33 45',
      },
      { street: 'Via Nassa', number: '5', city: 'Lugano', zip: '6900', state: 'TI' },
      { tags: ['Treuhand', 'Ticino'], language: 'it' },
    ),
    client(
      1023,
      {
        contactType: 1,
        firstName: 'Giulia',
        lastName: 'Fontana',
        salutation: 'Signora',
        gender: 2,
        phone: '+41 91 825 66 77',
        email: 'giulia.fontana@ticino.com',
      },
      { street: 'Viale Stazione', number: '12', city: 'Bellinzona', zip: '6500', state: 'TI' },
      { language: 'it' },
    ),
    client(
      1024,
      {
        contactType: 1,
        firstName: 'Marco',
        lastName: 'Lurati',
        salutation: 'Signor',
        gender: 1,
        mobile: '078/912.34.56',
        email: 'marco.lurati@bluewin.ch',
      },
      { street: 'Piazza Grande', number: '1', city: 'Locarno', zip: '6600', state: 'TI' },
      { language: 'it' },
    ),
    client(
      GIAN_CADUFF_ID,
      { ...herr('Gian', 'Caduff'), phone: '081 252 34 56', email: 'gian.caduff@bluewin.ch' },
      { street: 'Reichsgasse', number: '25', city: 'Chur', zip: '7000', state: 'GR' },
      { language: 'rm' },
    ),
    client(
      1026,
      {
        contactType: 1,
        firstName: 'Ursina',
        lastName: 'Derungs',
        salutation: 'Dunna',
        gender: 2,
        phone: '081 947 51 23',
        email: 'ursina.derungs@rumantsch.ch',
      },
      { street: 'Via Lucmagn', number: '4', city: 'Disentis/Mustér', zip: '7180', state: 'GR' },
      { language: 'rm' },
    ),
    client(
      1027,
      {
        contactType: 2,
        companyName: 'Hotel Chasa Montana SA',
        email: 'info@chasamontana.ch',
        website: 'https://chasamontana.ch/',
        phone: '+41813641234',
      },
      { street: 'Stradun', number: '312', city: 'Scuol', zip: '7550', state: 'GR' },
      { tags: ['Gastro'], language: 'rm' },
    ),
    client(
      BIEL_PERSON_ID,
      { ...frau('Nicole', 'Gerber'), phone: '032 322 11 44', email: 'nicole.gerber@bluewin.ch' },
      { street: 'Rue Centrale', number: '40', city: 'Biel/Bienne', zip: '2502', state: 'BE' },
    ),
    client(
      1029,
      {
        contactType: 2,
        companyName: 'Uhrenatelier Vuilleumier SA',
        email: 'atelier@vuilleumier-horlogerie.ch',
        website: 'www.vuilleumier-horlogerie.ch',
        phone: '0323221990',
      },
      { street: 'Zentralstrasse', number: '63', city: 'Biel/Bienne', zip: '2502', state: 'BE' },
      { language: 'fr' },
    ),
    client(
      1030,
      {
        contactType: 2,
        companyName: 'Schreinerei Steiner GmbH',
        website: 'https://schreinerei-steiner.ch/',
        phone: '033 222 55 66',
        email: 'info@schreinerei-steiner.ch',
      },
      { street: 'Frutigenstrasse', number: '9', city: 'Thun', zip: '3600', state: 'BE' },
      { tags: ['Handwerk'] },
    ),
    client(
      1031,
      {
        contactType: 2,
        companyName: 'Elektro Huber AG',
        email: 'info@elektro-huber.ch',
        phone: '031 381 20 20',
        fax: '031 381 20 21',
      },
      { street: 'Effingerstrasse', number: '17', city: 'Bern', zip: '3008', state: 'BE' },
    ),
    client(
      1032,
      { ...frau('Käthi', 'Bühler'), phone: '052 625 14 83' },
      { street: 'Vordergasse', number: '31', city: 'Schaffhausen', zip: '8200', state: 'SH' },
    ),
    client(
      1033,
      { ...herr('Jürg', 'Lüthi'), phone: '+41 32 622 70 70', email: 'juerg.luethi@solnet.ch' },
      { street: 'Hauptgasse', number: '64', city: 'Solothurn', zip: '4500', state: 'SO' },
    ),
    client(
      1034,
      { ...frau('Andrea', 'Rüegg'), mobile: '077 401 88 12', email: 'andrea.rueegg@gmail.com' },
      { street: 'Seestrasse', number: '2', city: 'Rapperswil-Jona', zip: '8640', state: 'SG' },
    ),
    client(
      1035,
      {
        contactType: 2,
        companyName: 'Müller Haustechnik AG',
        email: 'kontakt@mueller-haustechnik.ch',
        website: 'mueller-haustechnik.ch',
        phone: '062 296 40 40',
      },
      { street: 'Aarauerstrasse', number: '55', city: 'Olten', zip: '4600', state: 'SO' },
      { tags: ['Handwerk', 'Wartungsvertrag'] },
    ),
    client(1036, { contactType: 1, lastName: 'Baumann' }, { street: null, city: null, zip: null }),
    client(
      1037,
      { contactType: 2, companyName: 'Treuhand Widmer' },
      { street: null, city: null, zip: null, country: null },
    ),
    client(NULL_ADDRESS_ID, { ...herr('Daniel', 'Frei'), phone: '043 555 12 12' }, null),
    {
      id: EMPTY_STRINGS_ID,
      contactType: 1,
      companyName: '',
      firstName: 'Corinne',
      lastName: 'Zimmermann',
      salutation: '',
      website: '',
      position: '',
      phone: '',
      mobile: '',
      email: '',
      department: '',
      gender: 0,
      telMobile: '',
      fax: '',
      contactAddress: { street: '', number: '', poBox: '', city: '', zip: '', state: '', country: 0, type: 0 },
      customerNumber: '',
      createdAt: '2021-06-01T08:00:00',
      tags: [],
    },
    { id: MISSING_KEYS_ID, contactType: 1, firstName: 'Thomas', lastName: 'Widmer' },
    client(
      1041,
      {
        contactType: 2,
        companyName: 'Café Sonne GmbH',
        email: 'hallo@cafe-sonne.ch',
        website: 'www.cafe-sonne.ch',
        phone: '061 261 13 13',
      },
      { street: 'Sonnenweg', number: '3', city: 'Basel', zip: '4052', state: 'BS' },
      { tags: ['Gastro'] },
    ),
    client(
      1042,
      {
        contactType: 2,
        companyName: 'Studio Grafica Zanetti Sagl',
        email: 'studio@grafica-zanetti.ch',
        phone: '091 646 77 88',
      },
      { street: 'Via Borghetto', number: '11', city: 'Mendrisio', zip: '6850', state: 'TI' },
      { language: 'it' },
    ),
    client(
      1043,
      { ...frau('Laura', 'Frei'), mobile: '+41 76 555 90 12', email: 'laura.frei@icloud.com', telMobile: '0765559012' },
      { street: 'Rosenbergstrasse', number: '30', city: 'St. Gallen', zip: '9000', state: 'SG' },
    ),
    client(
      1044,
      {
        contactType: 1,
        firstName: 'Noémie',
        lastName: 'Pittet',
        salutation: 'Madame',
        gender: 2,
        phone: '026 912 33 21',
        email: 'noemie.pittet@bluewin.ch',
      },
      { street: 'Rue de Vevey', number: '12', city: 'Bulle', zip: '1630', state: 'FR' },
      { language: 'fr' },
    ),
    client(
      1045,
      { ...herr('Thomas', 'Büchel'), phone: '+423 232 45 67', email: 'thomas.buechel@adon.li' },
      { street: 'Städtle', number: '17', city: 'Vaduz', zip: '9490', country: LIECHTENSTEIN },
    ),
    client(
      1046,
      { ...herr('Stefan', 'Moser'), phone: '061 921 40 40' },
      { street: 'Rheinstrasse', number: '20', poBox: 'Postfach 45', city: 'Liestal', zip: '4410', state: 'BL' },
    ),
    client(
      1047,
      { ...frau('Monika', 'Kälin'), phone: '+41554123456', email: 'monika.kaelin@bluewin.ch' },
      { street: 'Hauptstrasse', number: '8', city: 'Einsiedeln', zip: '8840', state: 'SZ' },
    ),
    client(
      1048,
      {
        contactType: 2,
        companyName: 'Cave du Rhône SA',
        email: 'info@cave-du-rhone.ch',
        website: 'http://www.cave-du-rhone.ch',
        phone: '027 455 10 10',
      },
      { street: 'Route de Sion', number: '44', city: 'Sierre', zip: '3960', state: 'VS' },
      { tags: ['Gastro'], language: 'fr' },
    ),
    client(
      1049,
      { ...herr('Walter', 'Zürcher'), phone: '031 721 12 12', fax: '031 721 12 13' },
      { street: 'Bernstrasse', number: '1', city: 'Münsingen', zip: '3110', state: 'BE' },
      { isArchived: true },
    ),
    client(
      1050,
      {
        ...frau('Barbara', 'Huber'),
        phone: '031 381 20 25',
        email: 'barbara.huber@elektro-huber.ch',
        companyName: 'Elektro Huber AG',
        position: 'Buchhaltung',
        department: 'Finanzen',
      },
      { street: 'Effingerstrasse', number: '17', city: 'Bern', zip: '3008', state: 'BE' },
    ),
    client(
      1051,
      { contactType: 1, firstName: 'Curdin', lastName: 'Casutt', gender: 1, mobile: '079 555 61 02' },
      { street: 'Via Principala', number: '19', city: 'Ilanz/Glion', zip: '7130', state: 'GR' },
      { language: 'rm' },
    ),
    client(
      1052,
      {
        contactType: 2,
        companyName: 'Bäckerei Fässler GmbH',
        email: 'info@baeckerei-faessler.ch',
        phone: '071 787 12 34',
      },
      { street: 'Hauptgasse', number: '27', city: 'Appenzell', zip: '9050', state: 'AI' },
      { tags: ['Gastro'] },
    ),
  ];
}
