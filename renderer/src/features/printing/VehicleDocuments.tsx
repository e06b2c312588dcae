import { DocumentButtons, type DocumentButton } from './DocumentButtons'

/** Reprints from the vehicle page: the code card when a code is on file, otherwise the guide and the dealer request. */
export function VehicleDocuments({ vehicleId, codeOnFile }: { readonly vehicleId: number; readonly codeOnFile: boolean }) {
  const buttons: DocumentButton[] = codeOnFile
    ? [{ document: 'code-card', label: 'Reprint code card…' }]
    : [
        { document: 'code-guide', label: 'Print the “how to get your code” guide…' },
        { document: 'dealer-request', label: 'Dealer code request…' },
      ]
  return <DocumentButtons target={{ vehicleId }} buttons={buttons} titleId={`vehicle-${vehicleId}-documents`} title="Printed documents" />
}
