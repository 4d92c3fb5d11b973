import { describe, it, expect, beforeAll } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Node } from 'prosemirror-model'
import { toSummary, fromSummary, toText } from '@zongjie/model'
import { DOMParser } from 'linkedom'
import { toDocx, importDocx, textDigest, summaryNamespace, summaryPartVersion, type ParseXml } from '../src/index.ts'
import { DocxPackage } from './docx-reading.ts'
import { everyPart, templateDocs } from './write-fixtures.ts'

let d: Node
let bytes: Uint8Array
let pkg: DocxPackage

beforeAll(async () => {
  d = everyPart()
  bytes = await toDocx(d)
  pkg = new DocxPackage(bytes)
})

describe('the Summary JSON inside the Word file', () => {
  it('is a custom XML part whose JSON is the summary’s, with the digest of its text', () => {
    const root = pkg.xml('customXml/item1.xml').documentElement
    expect(root.tagName).toBe('summary')
    expect(root.getAttribute('xmlns')).toBe(summaryNamespace)
    expect(root.getAttribute('version')).toBe(summaryPartVersion)
    expect(root.getAttribute('digest')).toBe(textDigest(toText(d).split('\n')))
    const json = JSON.parse(root.textContent!)
    expect(json).toEqual(toSummary(d))
    // And it reads back as the same document.
    expect(fromSummary(json).eq(d)).toBe(true)
  })

  it('keeps text that XML would otherwise take as markup (< & " in the summary)', async () => {
    const tricky = fromSummary({ ...toSummary(everyPart()), title: '关于<示范>县“A&B”2024年上半年工作总结' })
    const root = new DocxPackage(await toDocx(tricky)).xml('customXml/item1.xml').documentElement
    expect(JSON.parse(root.textContent!).title).toBe('关于<示范>县“A&B”2024年上半年工作总结')
  })

  it('has its properties (a datastore item with a GUID), their relationship, and a content type', () => {
    const props = pkg.xml('customXml/itemProps1.xml').documentElement
    expect(props.tagName).toBe('ds:datastoreItem')
    expect(props.getAttribute('xmlns:ds')).toBe('http://schemas.openxmlformats.org/officeDocument/2006/customXml')
    expect(props.getAttribute('ds:itemID')).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/)
    expect(props.getElementsByTagName('ds:schemaRef')[0]!.getAttribute('ds:uri')).toBe(summaryNamespace)
    expect(pkg.relationships('customXml/_rels/item1.xml.rels')).toEqual([
      { id: expect.any(String), type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps', target: 'itemProps1.xml' },
    ])
    const types = pkg.xml('[Content_Types].xml')
    const override = Array.from(types.getElementsByTagName('Override')).find((o) => o.getAttribute('PartName') === '/customXml/itemProps1.xml')
    expect(override?.getAttribute('ContentType')).toBe('application/vnd.openxmlformats-officedocument.customXmlProperties+xml')
    // item1.xml itself is plain XML, by the package's default for .xml.
    const xmlDefault = Array.from(types.getElementsByTagName('Default')).find((e) => e.getAttribute('Extension') === 'xml')
    expect(xmlDefault?.getAttribute('ContentType')).toBe('application/xml')
  })

  it('is related to the main document, so that Word and WPS keep it when they save', () => {
    const rels = pkg.relationships('word/_rels/document.xml.rels')
    const custom = rels.filter((r) => r.type === 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml')
    expect(custom.map((r) => r.target)).toEqual(['../customXml/item1.xml'])
    // Relationship ids are unique, and every target is in the package.
    expect(new Set(rels.map((r) => r.id)).size).toBe(rels.length)
    for (const r of rels) expect(pkg.has(join('word', r.target).replace(/\\/g, '/')), r.target).toBe(true)
  })

  it('gives each export its own datastore id', async () => {
    const again = new DocxPackage(await toDocx(d)).xml('customXml/itemProps1.xml').documentElement.getAttribute('ds:itemID')
    expect(again).not.toBe(pkg.xml('customXml/itemProps1.xml').documentElement.getAttribute('ds:itemID'))
  })

  it('gives back the same document when the file is imported', async () => {
    const parseXml: ParseXml = (xml) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as ReturnType<ParseXml>
    for (const { name, doc } of [{ name: 'every part', doc: d }, ...templateDocs()]) {
      const read = importDocx(await toDocx(doc), parseXml)
      expect(read.source, name).toBe('embedded')
      expect(read.doc.eq(doc), name).toBe(true)
    }
  })

  it('is there for every template too', async () => {
    for (const { name, doc } of templateDocs()) {
      const root = new DocxPackage(await toDocx(doc)).xml('customXml/item1.xml').documentElement
      expect(JSON.parse(root.textContent!), name).toEqual(toSummary(doc))
    }
  })
})

describe('the export runs in Node and in the browser', () => {
  it('gives a plain Uint8Array holding a zip', () => {
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype)
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]) // PK
  })

  it('uses no Node-only API in its code', () => {
    const dir = join(import.meta.dirname, '../src/write')
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8')
      expect(source, file).not.toMatch(/from 'node:|\bBuffer\b|\bprocess\.|require\(/)
    }
  })
})
