// The build step that readies prerendered pages for a hash policy (app/_server/static-pages.mjs): the page's script
// tags become one inline loader, run after the first paint.
import { describe, expect, it } from "vitest";
import { loadScriptsInline } from "../../app/_server/static-pages.mjs";

const PAGE = [
  "<!DOCTYPE html><html><head>",
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<link rel="icon" href="/icon.svg"/>',
  '<script src="/_next/static/chunks/a.js" async=""></script>',
  '<script src="/_next/static/chunks/b.js" async=""></script>',
  "</head><body><h1>Title</h1>",
  '<script src="/_next/static/chunks/polyfills.js" integrity="sha256-x" noModule=""></script>',
  "<script>self.__next_f.push([1])</script>",
  '<script src="/_next/static/chunks/c.js?v=1&amp;w=2" async=""></script>',
  "</body></html>",
].join("");

/** The list of files the loader inserts, as the page writes it. */
function loaded(html: string): string[] {
  const list = /const src of (\[[^\]]*\])/.exec(html)?.[1];
  if (!list) throw new Error("no loader in the page");
  return JSON.parse(list) as string[];
}

describe("loadScriptsInline", () => {
  const out = loadScriptsInline(PAGE);

  it("loads every async script file from one inline script, in the page's order, and leaves no tag for them", () => {
    expect(loaded(out)).toEqual([
      "/_next/static/chunks/a.js",
      "/_next/static/chunks/b.js",
      "/_next/static/chunks/c.js?v=1&w=2",
    ]);
    expect(out).not.toMatch(/<script[^>]*\basync\b/);
    expect(out.match(/const src of/g)).toHaveLength(1);
  });

  it("drops the preloads of those files and keeps every other tag: the icon, the nomodule polyfill, inline scripts", () => {
    expect(out).not.toContain('rel="preload"');
    expect(out).toContain('<link rel="icon" href="/icon.svg"/>');
    expect(out).toContain('noModule=""');
    expect(out).toContain("<script>self.__next_f.push([1])</script>");
  });

  it("puts the loader last in the body, after the content, and runs it after a frame (or a timer, without frames)", () => {
    const loader = out.indexOf("const src of");
    expect(loader).toBeGreaterThan(out.indexOf("<h1>Title</h1>"));
    expect(out.slice(loader)).toMatch(/^[^<]*<\/script><\/body><\/html>$/);
    expect(out).toMatch(/requestAnimationFrame\(\(\)=>setTimeout\(load\)\);setTimeout\(load,\d+\)/);
  });

  it("writes the list so that no file name can end the script", () => {
    const html = loadScriptsInline(PAGE.replace("chunks/a.js", "chunks/a<b.js"));
    expect(html).toContain(String.raw`"/_next/static/chunks/a\u003cb.js"`);
    expect(loaded(html)[0]).toBe("/_next/static/chunks/a<b.js");
  });

  it("leaves a page without async scripts as it is", () => {
    const plain = "<html><body><script>1</script></body></html>";
    expect(loadScriptsInline(plain)).toBe(plain);
  });
});
