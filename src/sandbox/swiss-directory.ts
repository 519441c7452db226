// Name and place pools for generated clients. Kept apart from the generator so the data can
// grow without burying the logic; every entry is plausible for the region it sits in.

export type Language = 'de' | 'fr' | 'it' | 'rm';

export interface Place {
  city: string;
  zip: string;
  canton: string;
  /** Swiss trunk area code without the leading 0, e.g. "44" for Zürich. */
  area: string;
}

export interface LanguagePools {
  places: readonly Place[];
  streets: readonly string[];
  maleFirstNames: readonly string[];
  femaleFirstNames: readonly string[];
  lastNames: readonly string[];
  salutations: { male: string; female: string };
  /** Company name templates; `{n}` is a surname, `{m}` a second surname. */
  companyTemplates: readonly string[];
  companySuffixes: readonly string[];
  positions: readonly string[];
  departments: readonly string[];
  poBoxLabel: string;
}

const place = (city: string, zip: string, canton: string, area: string): Place => ({ city, zip, canton, area });

const BIEL = place('Biel/Bienne', '2502', 'BE', '32');

export const POOLS: Record<Language, LanguagePools> = {
  de: {
    places: [
      place('Zürich', '8001', 'ZH', '44'), place('Zürich', '8004', 'ZH', '44'), place('Zürich', '8050', 'ZH', '43'),
      place('Winterthur', '8400', 'ZH', '52'), place('Bern', '3011', 'BE', '31'), place('Bern', '3007', 'BE', '31'),
      place('Basel', '4051', 'BS', '61'), place('Basel', '4057', 'BS', '61'), place('Luzern', '6003', 'LU', '41'),
      place('St. Gallen', '9000', 'SG', '71'), place('Zug', '6300', 'ZG', '41'), place('Thun', '3600', 'BE', '33'),
      place('Aarau', '5000', 'AG', '62'), place('Baden', '5400', 'AG', '56'), place('Olten', '4600', 'SO', '62'),
      place('Solothurn', '4500', 'SO', '32'), place('Schaffhausen', '8200', 'SH', '52'), place('Chur', '7000', 'GR', '81'),
      place('Frauenfeld', '8500', 'TG', '52'), place('Rapperswil-Jona', '8640', 'SG', '55'), place('Uster', '8610', 'ZH', '44'),
      place('Wil SG', '9500', 'SG', '71'), place('Küsnacht ZH', '8700', 'ZH', '44'), place('Einsiedeln', '8840', 'SZ', '55'),
      place('Sarnen', '6060', 'OW', '41'), place('Brig-Glis', '3900', 'VS', '27'), BIEL, place('Davos Platz', '7270', 'GR', '81'),
      place('Herisau', '9100', 'AR', '71'), place('Glarus', '8750', 'GL', '55'), place('Liestal', '4410', 'BL', '61'),
      place('Dübendorf', '8600', 'ZH', '44'), place('Köniz', '3098', 'BE', '31'), place('Emmenbrücke', '6020', 'LU', '41'),
      place('Münsingen', '3110', 'BE', '31'), place('Altdorf UR', '6460', 'UR', '41'), place('Schwyz', '6430', 'SZ', '41'),
      place('Kreuzlingen', '8280', 'TG', '71'), place('Burgdorf', '3400', 'BE', '34'), place('Wädenswil', '8820', 'ZH', '44'),
    ],
    streets: [
      'Bahnhofstrasse', 'Hauptstrasse', 'Dorfstrasse', 'Seestrasse', 'Kirchgasse', 'Poststrasse', 'Industriestrasse',
      'Schulhausstrasse', 'Rosenweg', 'Lindenstrasse', 'Marktgasse', 'Bergstrasse', 'Gartenstrasse', 'Sonnenbergstrasse',
      'Zürcherstrasse', 'Bernstrasse', 'Feldweg', 'Mühlegasse', 'Rathausplatz', 'Obere Gasse', 'Alpenstrasse',
      'Weinbergstrasse', 'Bahnhofstraße', 'Hauptstraße', 'Birkenweg', 'Schützenmattstrasse', 'Winkelriedstrasse',
      'Churerstrasse', 'Badenerstrasse', 'Langstrasse', 'Freiestrasse', 'Spitalgasse', 'Höhenweg', 'Grünaustrasse',
      'Neugasse', 'Bleicherweg', 'Hofackerstr.', 'Im Grüt', 'Ländliweg', 'Säntisstrasse', 'Tödistrasse',
    ],
    maleFirstNames: [
      'Hans', 'Peter', 'Urs', 'Beat', 'Reto', 'Daniel', 'Thomas', 'Martin', 'Markus', 'Stefan', 'Andreas', 'Christian',
      'Lukas', 'Jonas', 'Simon', 'Matthias', 'Roger', 'Marcel', 'Patrick', 'Michael', 'Bruno', 'Walter', 'Kurt', 'Fritz',
      'Jürg', 'Rolf', 'Adrian', 'Dominik', 'Fabian', 'Tobias', 'Nico', 'Noah', 'Elias', 'Leon', 'Jörg', 'René', 'Ueli',
      'Köbi', 'Sämi', 'Florian', 'Raphael', 'Samuel',
    ],
    femaleFirstNames: [
      'Anna', 'Claudia', 'Sandra', 'Ursula', 'Monika', 'Barbara', 'Ruth', 'Verena', 'Brigitte', 'Karin', 'Nicole',
      'Sabine', 'Daniela', 'Andrea', 'Corinne', 'Franziska', 'Regula', 'Silvia', 'Esther', 'Jasmin', 'Lea', 'Laura',
      'Sarah', 'Julia', 'Mia', 'Lina', 'Jana', 'Nina', 'Käthi', 'Rösli', 'Bärbel', 'Doris', 'Yvonne', 'Manuela',
      'Priska', 'Tamara', 'Chantal', 'Seline', 'Ladina',
    ],
    lastNames: [
      'Müller', 'Meier', 'Meyer', 'Schmid', 'Schmidt', 'Keller', 'Weber', 'Huber', 'Schneider', 'Steiner', 'Fischer',
      'Gerber', 'Brunner', 'Baumann', 'Frei', 'Zimmermann', 'Moser', 'Widmer', 'Wyss', 'Graf', 'Roth', 'Suter',
      'Baumgartner', 'Bachmann', 'Gasser', 'Studer', 'Kälin', 'Bösch', 'Lüthi', 'Rüegg', 'Hürlimann', 'Stäheli',
      'Tschümperlin', 'Zürcher', 'Käser', 'Bühler', 'Schärer', 'Würgler', 'Hofmann', 'Marti', 'Sutter', 'Kunz',
      'Lehmann', 'Kaufmann', 'Vogel', 'Ammann', 'Egli', 'Fässler', 'Blättler', 'Imhof', 'Odermatt', 'Gisler',
      'Arnold', 'Mueller', 'Maier', 'Mayer', 'Schmied', 'Gloor', 'von Arx', 'von Gunten', 'Aebischer', 'Hess',
    ],
    salutations: { male: 'Herr', female: 'Frau' },
    companyTemplates: [
      '{n} Elektro', '{n} Sanitär', '{n} Holzbau', '{n} Malerei', '{n} Gartenbau', '{n} Haustechnik',
      '{n} Informatik', '{n} Transporte', '{n} Metallbau', '{n} Bedachungen', '{n} Reinigungen', '{n} Immobilien',
      'Schreinerei {n}', 'Garage {n}', 'Bäckerei {n}', 'Metzgerei {n}', 'Gärtnerei {n}', 'Treuhand {n}',
      'Architekturbüro {n}', 'Druckerei {n}', 'Confiserie {n}', 'Physiotherapie {n}', '{n} & {m}', '{n} & Partner',
      'Treuhand {n} & Partner', 'Zahnarztpraxis Dr. {n}', 'Carrosserie {n}', 'Elektro {n}', 'Plattenbeläge {n}',
    ],
    companySuffixes: ['AG', 'GmbH', 'GmbH', 'AG', 'Gmbh', ''],
    positions: ['Geschäftsführer', 'Inhaberin', 'Projektleiter', 'Buchhalterin', 'Einkauf', 'Leiter Verkauf', 'Sachbearbeiterin', 'Bauführer'],
    departments: ['Einkauf', 'Verkauf', 'Buchhaltung', 'Administration', 'Geschäftsleitung', 'Technik'],
    poBoxLabel: 'Postfach',
  },
  fr: {
    places: [
      place('Genève', '1204', 'GE', '22'), place('Genève', '1201', 'GE', '22'), place('Lausanne', '1003', 'VD', '21'),
      place('Lausanne', '1004', 'VD', '21'), place('Fribourg', '1700', 'FR', '26'), place('Neuchâtel', '2000', 'NE', '32'),
      place('Sion', '1950', 'VS', '27'), place('Montreux', '1820', 'VD', '21'), place('Yverdon-les-Bains', '1400', 'VD', '24'),
      place('Nyon', '1260', 'VD', '22'), place('Vevey', '1800', 'VD', '21'), place('La Chaux-de-Fonds', '2300', 'NE', '32'),
      place('Delémont', '2800', 'JU', '32'), place('Martigny', '1920', 'VS', '27'), place('Bulle', '1630', 'FR', '26'),
      place('Carouge GE', '1227', 'GE', '22'), place('Morges', '1110', 'VD', '21'), BIEL, place('Sierre', '3960', 'VS', '27'),
      place('Porrentruy', '2900', 'JU', '32'), place('Renens VD', '1020', 'VD', '21'), place('Monthey', '1870', 'VS', '24'),
    ],
    streets: [
      'Rue du Lac', 'Rue de la Gare', 'Avenue de la Gare', 'Chemin des Vignes', 'Route de Lausanne', 'Rue du Marché',
      'Rue de Lausanne', 'Boulevard de Grancy', 'Chemin de la Forêt', 'Rue du Rhône', 'Avenue du Léman', 'Rue des Alpes',
      'Place du Marché', "Rue de l'Hôpital", 'Chemin du Crêt', 'Rue Centrale', 'Quai du Mont-Blanc', 'Route de Genève',
      'Rue de Carouge', 'Avenue de Rumine', 'Rue des Moulins', 'Chemin des Écoliers', 'Grand-Rue', 'Rue du Château',
    ],
    maleFirstNames: [
      'François', 'Jean', 'Pierre', 'Michel', 'Philippe', 'Alain', 'Olivier', 'Nicolas', 'Julien', 'Sébastien', 'Théo',
      'Loïc', 'Jérôme', 'Cédric', 'Gaël', 'Raphaël', 'Jean-Marc', 'Jean-Luc', 'Benoît', 'Mathieu', 'Yves', 'Grégoire',
    ],
    femaleFirstNames: [
      'Marie', 'Sophie', 'Isabelle', 'Nathalie', 'Céline', 'Valérie', 'Émilie', 'Chloé', 'Zoë', 'Hélène', 'Léa',
      'Camille', 'Aurélie', 'Mélanie', 'Géraldine', 'Françoise', 'Anaïs', 'Noémie', 'Marie-Claire', 'Agnès', 'Maëlle',
    ],
    lastNames: [
      'Dupont', 'Favre', 'Rochat', 'Perret', 'Bonvin', 'Girard', 'Mercier', 'Blanc', 'Morel', 'Fournier', 'Chevalier',
      'Dubois', 'Pittet', 'Jaquet', 'Cuénod', 'Vuilleumier', 'Roulin', 'Gaillard', 'Rey', 'Moret', 'Clément', 'Délèze',
      'Crettenand', 'Théraulaz', 'Bérard', 'Gétaz', 'Dériaz', 'Monnier', 'Rossier', 'Bovet', 'Favre-Bulle', 'de Montmollin',
      'Sauthier', 'Chappuis', 'Maillard', 'Python',
    ],
    salutations: { male: 'Monsieur', female: 'Madame' },
    companyTemplates: [
      'Boulangerie {n}', 'Garage {n}', 'Fiduciaire {n}', '{n} Électricité', 'Menuiserie {n}', 'Cabinet dentaire {n}',
      '{n} & Fils', 'Imprimerie {n}', 'Carrosserie {n}', 'Pharmacie {n}', 'Boucherie {n}', '{n} Architectes',
      '{n} & {m} Avocats', 'Café-Restaurant du Commerce', 'Garage du Lac', 'Horlogerie {n}', 'Ferblanterie {n}',
    ],
    companySuffixes: ['SA', 'Sàrl', 'SA', 'Sàrl', 'Sarl', ''],
    positions: ['Directeur', 'Gérante', 'Responsable achats', 'Comptable', 'Chef de projet', 'Assistante de direction'],
    departments: ['Achats', 'Comptabilité', 'Direction', 'Ventes', 'Administration'],
    poBoxLabel: 'Case postale',
  },
  it: {
    places: [
      place('Lugano', '6900', 'TI', '91'), place('Lugano', '6900', 'TI', '91'), place('Bellinzona', '6500', 'TI', '91'),
      place('Locarno', '6600', 'TI', '91'), place('Mendrisio', '6850', 'TI', '91'), place('Chiasso', '6830', 'TI', '91'),
      place('Ascona', '6612', 'TI', '91'), place('Poschiavo', '7742', 'GR', '81'), place('Roveredo GR', '6535', 'GR', '91'),
      place('Biasca', '6710', 'TI', '91'), place('Minusio', '6648', 'TI', '91'),
    ],
    streets: [
      'Via Nassa', 'Via Cantonale', 'Via San Gottardo', 'Via Pretorio', 'Piazza della Riforma', 'Via Luini',
      'Corso Elvezia', 'Via alla Stazione', 'Via Motta', 'Via Ciseri', 'Viale Stazione', 'Via Borghetto', 'Via dei Faggi',
      'Via Trevano', 'Piazza Grande', 'Via Lugano', 'Via Vela', 'Contrada Sassello',
    ],
    maleFirstNames: [
      'Marco', 'Luca', 'Giovanni', 'Paolo', 'Matteo', 'Alessandro', 'Davide', 'Stefano', 'Nicolò', 'Fabrizio', 'Mattia',
      'Gianluca', 'Fabio', 'Claudio', 'Sergio', 'Tiziano',
    ],
    femaleFirstNames: [
      'Giulia', 'Francesca', 'Chiara', 'Sara', 'Elena', 'Valentina', 'Martina', 'Alessia', 'Federica', 'Lucia', 'Noemi',
      'Michela', 'Manuela', 'Ilaria',
    ],
    lastNames: [
      'Bernasconi', 'Rossi', 'Fontana', 'Ferrari', 'Lurati', 'Pedrazzini', 'Bianchi', 'Galli', 'Rezzonico', 'Cattaneo',
      'Molinari', 'Guglielmetti', 'Zanetti', 'Lombardi', 'Quadri', 'Valsecchi', 'Bernardoni', 'Solcà', 'Mondada', 'Pelli',
      'Canonica', 'Gianella', 'Crivelli', 'Sciarini',
    ],
    salutations: { male: 'Signor', female: 'Signora' },
    companyTemplates: [
      'Fiduciaria {n}', 'Elettro {n}', 'Garage {n}', "Studio d'architettura {n}", 'Panetteria {n}', 'Falegnameria {n}',
      '{n} & Figli', 'Ristorante Al Porto', 'Farmacia {n}', 'Impresa Costruzioni {n}', 'Studio legale {n} & {m}',
    ],
    companySuffixes: ['SA', 'Sagl', 'SA', 'Sagl'],
    positions: ['Direttore', 'Responsabile vendite', 'Contabile', 'Capo progetto', 'Titolare'],
    departments: ['Amministrazione', 'Vendite', 'Contabilità', 'Direzione'],
    poBoxLabel: 'Casella postale',
  },
  rm: {
    places: [
      place('Disentis/Mustér', '7180', 'GR', '81'), place('Ilanz/Glion', '7130', 'GR', '81'), place('Scuol', '7550', 'GR', '81'),
      place('Samedan', '7503', 'GR', '81'), place('Savognin', '7460', 'GR', '81'), place('Sedrun', '7188', 'GR', '81'),
      place('Chur', '7000', 'GR', '81'), place('Zernez', '7530', 'GR', '81'), place('Trun', '7166', 'GR', '81'),
    ],
    streets: [
      'Via Principala', 'Stradun', 'Via da la Staziun', 'Via Maistra', 'Via Sura', 'Via dal Bagn', 'Plazza Cumünala',
      'Via Lucmagn', 'Via Grischuna', 'Via da Surpunt', 'Via Nova', 'Quadra',
    ],
    maleFirstNames: ['Gian', 'Curdin', 'Flurin', 'Men', 'Duri', 'Linard', 'Jon', 'Not', 'Gion', 'Placi', 'Mario', 'Reto'],
    femaleFirstNames: ['Ursina', 'Mengia', 'Annina', 'Seraina', 'Flurina', 'Ladina', 'Madlaina', 'Chatrina', 'Tina', 'Barla'],
    lastNames: [
      'Caduff', 'Casutt', 'Cadonau', 'Derungs', 'Cathomen', 'Tuor', 'Caflisch', 'Camenisch', 'Bundi', 'Cavelti', 'Darms',
      'Sialm', 'Vincenz', 'Arpagaus', 'Candinas', 'Spescha', 'Tscharner', 'Janett', 'Pult', 'Nay', 'Cadruvi', 'Giger',
    ],
    salutations: { male: 'Signur', female: 'Dunna' },
    companyTemplates: [
      'Falegnamaria {n}', 'Sport {n}', 'Hotel Chasa {n}', 'Pizzaria Engiadina', 'Butia {n}', '{n} Holzbau',
      'Garascha {n}', '{n} & {m} Architects',
    ],
    companySuffixes: ['SA', 'AG', 'Sagl', 'GmbH'],
    positions: ['Manader', 'Possessura', 'Contabilitad', 'Mainagestiun'],
    departments: ['Administraziun', 'Vendita'],
    poBoxLabel: 'Chascha postala',
  },
};

export const EMAIL_PROVIDERS = [
  'bluewin.ch', 'bluewin.ch', 'gmx.ch', 'sunrise.ch', 'hispeed.ch', 'gmail.com', 'gmail.com', 'outlook.com',
  'hotmail.com', 'protonmail.ch', 'yahoo.de', 'swissonline.ch', 'icloud.com',
] as const;

export const TAGS = [
  'Stammkunde', 'Neukunde', 'VIP', 'Newsletter', 'Bau', 'Gastro', 'Handwerk', 'Privat', 'Offerte offen', 'Mahnung',
  'Romandie', 'Ticino', 'Grossauftrag', 'Wartungsvertrag', 'Messe 2023', 'kein Kontakt erwünscht',
] as const;

export interface Abroad {
  country: number;
  /** Formats a local subscriber number as the neighbour writes it. */
  phone: (digits: string) => string;
  place: Place;
  street: string;
}

// ISO 3166-1 numeric is our guess for the undocumented integer contactAddress.country.
export const COUNTRY_SWITZERLAND = 756;

export const ABROAD: readonly Abroad[] = [
  { country: 276, phone: (d) => `+49 30 ${d.slice(0, 4)} ${d.slice(4)}`, place: place('Berlin', '10117', 'BE', ''), street: 'Friedrichstraße' },
  { country: 276, phone: (d) => `+49 7531 ${d.slice(0, 3)}${d.slice(3)}`, place: place('Konstanz', '78462', 'BW', ''), street: 'Marktstätte' },
  { country: 250, phone: (d) => `+33 4 50 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)}`, place: place('Annecy', '74000', '', ''), street: 'Rue Royale' },
  { country: 380, phone: (d) => `+39 02 ${d.slice(0, 4)} ${d.slice(4)}`, place: place('Milano', '20121', 'MI', ''), street: 'Via Manzoni' },
  { country: 40, phone: (d) => `+43 5572 ${d.slice(0, 5)}`, place: place('Dornbirn', '6850', 'V', ''), street: 'Marktstraße' },
  { country: 438, phone: (d) => `+423 ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)}`, place: place('Vaduz', '9490', '', ''), street: 'Städtle' },
];
