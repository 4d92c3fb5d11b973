import type { Document } from 'docx'
import { summaryNamespace, summaryPartPieces } from '../embedded.ts'

/** A file added to the package (zip) as it is written: its path in the package and its text. */
export interface PackageFile {
  readonly path: string
  readonly data: string
}

/** The Summary JSON's part: its text also as the pieces it is joined from (see `summaryPartPieces`), to be encoded without a copy. */
export interface SummaryPart extends PackageFile {
  readonly pieces: readonly string[]
}

/** Where the Summary JSON goes in the package: the custom XML part Word and WPS keep when they save. */
export const summaryPartPath = 'customXml/item1.xml'

/** The properties of the summary's part: its id (a GUID) and the namespace of its XML. */
export const summaryPropertiesPath = 'customXml/itemProps1.xml'

/** The relationships of the summary's part, to its properties. */
export const summaryPartRelationshipsPath = 'customXml/_rels/item1.xml.rels'

const relationshipTypes = {
  customXml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml',
  customXmlProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps',
} as const

const customXmlPropertiesType = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml'

const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** A random GUID in braces, as `ds:itemID` takes it (`{6E3A1B2C-4D5E-4F60-8A7B-9C0D1E2F3A4B}`). */
function randomGuid(): string {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join('')
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`
}

/**
 * Puts the Summary JSON into the package of a document being written: registers the custom XML
 * part with the main document (a `customXml` relationship in `word/_rels/document.xml.rels`) and
 * its properties' content type (`[Content_Types].xml`), and returns the part, its properties
 * (`ds:datastoreItem` with a GUID) and their relationships, for `Packer` to add to the zip: the
 * part first. The part's XML is `summaryPartXml(summaryJson, digest)`; the reader finds it by its
 * namespace.
 */
export function embedSummary(file: Document, summaryJson: string, digest: string): [SummaryPart, PackageFile, PackageFile] {
  file.Document.Relationships.addRelationship('Summary', relationshipTypes.customXml, `../${summaryPartPath}`)
  file.ContentTypes.addOverride(customXmlPropertiesType, `/${summaryPropertiesPath}`)
  const properties =
    declaration +
    `<ds:datastoreItem ds:itemID="${randomGuid()}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${summaryNamespace}"/></ds:schemaRefs></ds:datastoreItem>`
  const relationships =
    declaration +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${relationshipTypes.customXmlProps}" Target="${summaryPropertiesPath.slice('customXml/'.length)}"/>` +
    '</Relationships>'
  const pieces = summaryPartPieces(summaryJson, digest)
  return [
    {
      path: summaryPartPath,
      pieces,
      get data() {
        return pieces.join('')
      },
    },
    { path: summaryPropertiesPath, data: properties },
    { path: summaryPartRelationshipsPath, data: relationships },
  ]
}
