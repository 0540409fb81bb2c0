/* closeread: the assignment builder's Common Cartridge maker, loaded by closeread-assign.js on the first
 * download. It joins a selection's cartridge from what the build made (the lesson's cartridge.js: its
 * page without the kit's stylesheet and script, which cartridge-assets.js holds once, its worksheets
 * and article link in base64, the QTI frame and each question's QTI items), given the
 * ids of the ticked questions in the teacher's order, and zips it here: entries stored (no compression), a CRC-32 of each, a fixed date, so the same
 * selection gives the same bytes. Vanilla ES2017. */
(function () {
  "use strict";
  const esc = (t) => String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const utf8 = (t) => new TextEncoder().encode(t);
  const hex = (n) => ("0000000" + n.toString(16)).slice(-8);
  function unbase64(b64) {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  const CC = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
  const PROFILE = "http://www.imsglobal.org/profile/cc/ccv1p1";
  function manifestXml(id, title, lang, module, resources) {
    const item = (n, pad) => pad + '<item identifier="' + esc(n.id) + '"' + (n.ref ? ' identifierref="' + esc(n.ref) + '"' : "") + ">\n" +
      pad + "  <title>" + esc(n.title) + "</title>\n" + n.children.map((k) => item(k, pad + "  ")).join("") + pad + "</item>\n";
    const res = (r) => '    <resource identifier="' + esc(r.id) + '" type="' + esc(r.type) + '"' + (r.href ? ' href="' + esc(r.href) + '"' : "") + ">\n" +
      r.files.map((f) => '      <file href="' + esc(f) + '"/>\n').join("") + "    </resource>\n";
    // the CC namespace first: Moodle looks for it in the manifest's first 500 bytes
    return "<?xml version='1.0' encoding='UTF-8'?>\n" +
      '<manifest xmlns="' + CC + '" xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="' + esc(id) + '_manifest"' +
      ' xsi:schemaLocation="' + CC + " " + PROFILE + "/ccv1p1_imscp_v1p2_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest " + PROFILE + '/LOM/ccv1p1_lommanifest_v1p0.xsd">\n' +
      "  <metadata>\n    <schema>IMS Common Cartridge</schema>\n    <schemaversion>1.1.0</schemaversion>\n" +
      '    <lomimscc:lom><lomimscc:general><lomimscc:title><lomimscc:string language="' + esc(lang) + '">' + esc(title) + "</lomimscc:string></lomimscc:title></lomimscc:general></lomimscc:lom>\n  </metadata>\n" +
      '  <organizations>\n    <organization identifier="' + esc(id) + '_org" structure="rootedhierarchy">\n      <item identifier="' + esc(id) + '_root">\n' +
      item(module, "        ") + "      </item>\n    </organization>\n  </organizations>\n  <resources>\n" + resources.map(res).join("") + "  </resources>\n</manifest>\n";
  }
  function weblink(title, url) {
    return "<?xml version='1.0' encoding='UTF-8'?>\n" + '<webLink xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1">\n  <title>' + esc(title) +
      '</title>\n  <url href="' + esc(url) + '" target="_blank"/>\n</webLink>\n';
  }
  const CRC_TABLE = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; t[n] = c >>> 0; }
    return t;
  })();
  function crc32(bytes) {
    let c = 0xffffffff;
    for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }
  // A zip of stored entries (no compression): fixed date (1 January 1980), UTF-8 names, Unix file modes,
  // so that the same selection gives the same bytes.
  function zip(entries) {
    const parts = [];
    const central = [];
    let offset = 0;
    const DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
    for (const [name, data] of entries) {
      const n = utf8(name);
      const crc = crc32(data);
      const local = new DataView(new ArrayBuffer(30));
      [[0, 0x04034b50, 4], [4, 20, 2], [6, 0x0800, 2], [8, 0, 2], [10, 0, 2], [12, DATE, 2], [14, crc, 4], [18, data.length, 4], [22, data.length, 4], [26, n.length, 2], [28, 0, 2]]
        .forEach(([at, v, size]) => (size === 4 ? local.setUint32(at, v, true) : local.setUint16(at, v, true)));
      const head = new DataView(new ArrayBuffer(46));
      [[0, 0x02014b50, 4], [4, 0x0314, 2], [6, 20, 2], [8, 0x0800, 2], [10, 0, 2], [12, 0, 2], [14, DATE, 2], [16, crc, 4], [20, data.length, 4], [24, data.length, 4],
        [28, n.length, 2], [30, 0, 2], [32, 0, 2], [34, 0, 2], [36, 0, 2], [38, (0o100644 << 16) >>> 0, 4], [42, offset, 4]]
        .forEach(([at, v, size]) => (size === 4 ? head.setUint32(at, v, true) : head.setUint16(at, v, true)));
      parts.push(new Uint8Array(local.buffer), n, data);
      central.push(new Uint8Array(head.buffer), n);
      offset += 30 + n.length + data.length;
    }
    const size = central.reduce((sum, b) => sum + b.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    [[0, 0x06054b50, 4], [4, 0, 2], [6, 0, 2], [8, entries.length, 2], [10, entries.length, 2], [12, size, 4], [16, offset, 4], [20, 0, 2]]
      .forEach(([at, v, sz]) => (sz === 4 ? end.setUint32(at, v, true) : end.setUint16(at, v, true)));
    return new Blob(parts.concat(central, [new Uint8Array(end.buffer)]), { type: "application/zip" });
  }

  // The selection's cartridge: the lesson's module as the build made it, the selection's quiz and, when it
  // is on the web, the assignment's link.
  // kit: the kit's stylesheet and script (teacher/cartridge-assets.js), which the page holds between its parts
  function selection(c, kit, ids, url) {
    // only the lesson's own items: a question id "constructor" (valid) would find Object's constructor
    const chosen = ids.filter((q) => Object.prototype.hasOwnProperty.call(c.qti.items, q));
    const id = "cr_sel_" + hex(crc32(utf8(c.slug + "\n" + chosen.join(",") + "\n" + (url || ""))));
    const quizTitle = c.qti.title;
    const [before, between, after] = c.page.parts;
    const entries = [[c.page.path, utf8(before + kit.css + between + kit.js + after)]].concat(c.files.map(([name, b64]) => [name, unbase64(b64)]));
    const resources = c.resources.slice();
    const module = Object.assign({}, c.module, { children: c.module.children.slice() });
    const quizPath = c.slug + "/" + id + "/assessment.xml";
    const qti = c.qti.head.split(c.qti.token).join(id) + chosen.map((q) => c.qti.items[q]).join("") + c.qti.tail;
    entries.push([quizPath, utf8(qti)]);
    resources.push({ id, type: "imsqti_xmlv1p2/imscc_xmlv1p1/assessment", files: [quizPath], href: null });
    module.children.push({ id: id + "_item", title: quizTitle, ref: id, children: [] });
    if (url && /^https?:/.test(url)) {
      const linkPath = c.slug + "/" + id + "-assignment.xml";
      const title = "The assignment (" + chosen.length + (chosen.length === 1 ? " question" : " questions") + ") on the student site";
      entries.push([linkPath, utf8(weblink(title, url))]);
      resources.push({ id: id + "_link", type: "imswl_xmlv1p1", files: [linkPath], href: null });
      module.children.splice(1, 0, { id: id + "_link_item", title, ref: id + "_link", children: [] });
    }
    const manifest = manifestXml(id, c.title + " (selection)", c.lang, module, resources);
    return { bytes: zip([["imsmanifest.xml", utf8(manifest)]].concat(entries)), count: chosen.length };
  }

  window.closereadCartridge = { selection };
})();
