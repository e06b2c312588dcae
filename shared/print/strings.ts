import type { PrintLanguage } from '../domain/customer'

/*
 * Every word the customer documents print, in English and Spanish, in one
 * table. Facts from the radio knowledge base are in English only (the report
 * it comes from is English); the Spanish documents say so where they show them.
 */

export type DocumentLanguage = PrintLanguage

export interface DocumentStrings {
  readonly lang: string
  // code card
  readonly cardTitle: string
  readonly code: string
  readonly customer: string
  readonly vehicle: string
  readonly vinLastSix: string
  readonly vin: string
  readonly radioSerial: string
  readonly date: string
  readonly howToEnter: string
  readonly seeOwnersManual: string
  readonly kbInEnglish: string
  readonly keepSafe: string
  readonly notOnFile: string
  readonly qrCaption: string
  // pickup reminder
  readonly reminderTitle: string
  readonly roNumber: string
  readonly giveCard: string
  readonly giveCardDetail: string
  readonly checkedInOn: string
  readonly handedOverBy: string
  // guide
  readonly guideTitle: string
  readonly guideIntro: string
  readonly yourVehicle: string
  readonly whatRadioShows: string
  readonly whatRadioShowsNone: string
  readonly lookFirst: string
  readonly lookFirstItems: readonly string[]
  readonly channelsTitle: string
  readonly channelsNone: string
  readonly asksFor: string
  readonly region: string
  readonly website: string
  readonly proofTitle: string
  readonly proofDefault: string
  readonly proofNotByPhone: string
  readonly dealerAnswer: string
  readonly dealerAnswerHint: string
  readonly codeWriteHere: string
  readonly calledOn: string
  readonly spokeWith: string
  readonly afterCode: string
  readonly questions: string
  // dealer request
  readonly requestTitle: string
  readonly requestTo: string
  readonly requestFrom: string
  readonly requestBody: string
  readonly requestOwner: string
  readonly proofOnFile: string
  readonly proofNoneOnFile: string
  readonly makerAsks: string
  readonly replyTo: string
  readonly dealerReply: string
  readonly signature: string
  readonly phone: string
  readonly address: string
  readonly page: string
}

const EN: DocumentStrings = {
  lang: 'en',
  cardTitle: 'Radio code',
  code: 'Code',
  customer: 'Customer',
  vehicle: 'Vehicle',
  vinLastSix: 'VIN (last 6)',
  vin: 'VIN',
  radioSerial: 'Radio serial',
  date: 'Date',
  howToEnter: 'To enter the code',
  seeOwnersManual: 'See the owner’s manual.',
  kbInEnglish: '',
  keepSafe: 'Keep this card in your wallet or with the registration at home — not in the vehicle.',
  notOnFile: 'not on file',
  qrCaption: 'Same details as text',
  reminderTitle: 'Pickup reminder',
  roNumber: 'Repair order',
  giveCard: 'Give the radio code card to the customer',
  giveCardDetail: 'The radio may ask for its code after the battery service. Hand the customer the code card with the keys.',
  checkedInOn: 'Checked in',
  handedOverBy: 'Handed over by',
  guideTitle: 'How to get your radio code',
  guideIntro:
    'Your radio has an anti-theft lock. After the battery is disconnected it may ask for a code before it plays again. We do not have the code for this radio yet. This page shows where to find it and whom to ask.',
  yourVehicle: 'Your vehicle',
  whatRadioShows: 'What the radio may show',
  whatRadioShowsNone: 'Our radio guide has no details of this radio’s display.',
  lookFirst: 'Look here first',
  lookFirstItems: [
    'A code card in the owner’s manual wallet (often credit-card size).',
    'A sticker on the side or inside of the glove box.',
  ],
  channelsTitle: 'Who can give you the code',
  channelsNone: 'Our radio code guide has nothing for this vehicle. Ask a dealer for your make; bring the items below.',
  asksFor: 'Asks for',
  region: 'Where',
  website: 'Website',
  proofTitle: 'Proof of ownership to bring',
  proofDefault: 'Photo ID and the vehicle’s registration or title.',
  proofNotByPhone: 'reported not to give codes by phone',
  dealerAnswer: 'The dealer’s answer',
  dealerAnswerHint: 'Write the code here when you get it, then keep this page at home, not in the vehicle.',
  codeWriteHere: 'Code',
  calledOn: 'Date',
  spokeWith: 'Dealer / person',
  afterCode: 'Once you have the code, we can enter it for you and print a code card.',
  questions: 'Questions? Call us',
  requestTitle: 'Radio code request',
  requestTo: 'To',
  requestFrom: 'From',
  requestBody:
    'Please provide the anti-theft code for the radio below. The owner has authorised us to request it; the proof of ownership we hold is listed. Please reply to the number or address at the bottom of this page.',
  requestOwner: 'Owner',
  proofOnFile: 'Proof of ownership on file',
  proofNoneOnFile: 'None recorded yet: available on request.',
  makerAsks: 'What this make’s dealers are reported to ask for',
  replyTo: 'Reply to',
  dealerReply: 'Dealer’s reply (write the code and return this page)',
  signature: 'Signature',
  phone: 'Phone',
  address: 'Address',
  page: 'Page',
}

const ES: DocumentStrings = {
  lang: 'es',
  cardTitle: 'Código de la radio',
  code: 'Código',
  customer: 'Cliente',
  vehicle: 'Vehículo',
  vinLastSix: 'VIN (últimos 6)',
  vin: 'VIN',
  radioSerial: 'Serie de la radio',
  date: 'Fecha',
  howToEnter: 'Para introducir el código',
  seeOwnersManual: 'Consulte el manual del propietario.',
  kbInEnglish: '(en inglés)',
  keepSafe: 'Guarde esta tarjeta en su cartera o en casa con los papeles del vehículo, no dentro del vehículo.',
  notOnFile: 'no consta',
  qrCaption: 'Los mismos datos en texto',
  reminderTitle: 'Aviso de entrega',
  roNumber: 'Orden de reparación',
  giveCard: 'Entregue al cliente la tarjeta con el código de la radio',
  giveCardDetail: 'La radio puede pedir su código después del servicio de batería. Entregue la tarjeta al cliente junto con las llaves.',
  checkedInOn: 'Recibido',
  handedOverBy: 'Entregado por',
  guideTitle: 'Cómo conseguir el código de su radio',
  guideIntro:
    'Su radio tiene un bloqueo antirrobo. Después de desconectar la batería puede pedir un código antes de volver a funcionar. Todavía no tenemos el código de esta radio. Esta hoja le indica dónde buscarlo y a quién pedirlo.',
  yourVehicle: 'Su vehículo',
  whatRadioShows: 'Lo que puede mostrar la radio',
  whatRadioShowsNone: 'Nuestra guía no tiene datos de la pantalla de esta radio.',
  lookFirst: 'Busque primero aquí',
  lookFirstItems: [
    'Una tarjeta con el código en la funda del manual del propietario (a menudo del tamaño de una tarjeta de crédito).',
    'Una etiqueta en el lateral o en el interior de la guantera.',
  ],
  channelsTitle: 'Quién puede darle el código',
  channelsNone: 'Nuestra guía de códigos no tiene datos de este vehículo. Pregunte en un concesionario de su marca y lleve lo que se indica abajo.',
  asksFor: 'Pide',
  region: 'Dónde',
  website: 'Sitio web',
  proofTitle: 'Prueba de propiedad que debe llevar',
  proofDefault: 'Una identificación con foto y el registro o el título del vehículo.',
  proofNotByPhone: 'según se informa, no da códigos por teléfono',
  dealerAnswer: 'Respuesta del concesionario',
  dealerAnswerHint: 'Anote aquí el código cuando lo tenga y guarde esta hoja en casa, no dentro del vehículo.',
  codeWriteHere: 'Código',
  calledOn: 'Fecha',
  spokeWith: 'Concesionario / persona',
  afterCode: 'Cuando tenga el código, podemos introducirlo por usted e imprimirle una tarjeta con el código.',
  questions: '¿Preguntas? Llámenos',
  requestTitle: 'Solicitud de código de radio',
  requestTo: 'Para',
  requestFrom: 'De',
  requestBody:
    'Les rogamos que nos faciliten el código antirrobo de la radio indicada abajo. El propietario nos ha autorizado a solicitarlo; se detalla la prueba de propiedad que tenemos. Respondan, por favor, al teléfono o la dirección que figuran al pie de esta hoja.',
  requestOwner: 'Propietario',
  proofOnFile: 'Prueba de propiedad en nuestro poder',
  proofNoneOnFile: 'Aún no consta: disponible a petición.',
  makerAsks: 'Lo que, según se informa, piden los concesionarios de esta marca',
  replyTo: 'Responder a',
  dealerReply: 'Respuesta del concesionario (anote el código y devuelva esta hoja)',
  signature: 'Firma',
  phone: 'Teléfono',
  address: 'Dirección',
  page: 'Página',
}

export const DOCUMENT_STRINGS: Readonly<Record<DocumentLanguage, DocumentStrings>> = { en: EN, es: ES }

export function stringsFor(language: DocumentLanguage): DocumentStrings {
  return DOCUMENT_STRINGS[language] ?? EN
}

const MONTHS: Readonly<Record<DocumentLanguage, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
}

/** "November 24, 2026" / "24 de noviembre de 2026" from a YYYY-MM-DD day; other input comes back as given. */
export function formatDay(day: string, language: DocumentLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day)
  if (!match) return day
  const [, y, m, d] = match as unknown as [string, string, string, string]
  const month = MONTHS[language][Number(m) - 1]
  if (!month) return day
  return language === 'es' ? `${Number(d)} de ${month} de ${y}` : `${month} ${Number(d)}, ${y}`
}
