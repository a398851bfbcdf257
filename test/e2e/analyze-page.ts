// Page object for /analyze: the form, the progress line, the library and the article on show.
import type { Download, Locator, Page } from "playwright-core";
import { DashboardPage } from "./browser.ts";

export interface FileInput {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface ArticleMeta {
  title?: string;
  publishedAt?: string;
  locale?: string;
  format?: "Plain text" | "Markdown" | "HTML (reduced to its text)";
}

/** Words of an exception or of the browser's own error text: none of them is ever meant for the reader. */
export const RAW_ERROR_TEXT = [
  "Failed to execute",
  "DOMException",
  "TypeError",
  "RangeError",
  "ReferenceError",
  "InvalidStateError",
  "QuotaExceededError",
  "UnknownError",
  "IDBTransaction",
  "IDBObjectStore",
  "Uncaught",
  "undefined",
  "NaN",
  "[object ",
];

export class AnalyzePage {
  readonly dashboard: DashboardPage;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.dashboard = new DashboardPage(page, baseUrl);
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(new URL(`/analyze${query}`, this.baseUrl).href);
    await this.library.getByRole("heading", { name: "Your articles" }).waitFor();
    // The list has loaded from IndexedDB once "Loading…" is gone.
    await this.library.getByText("Loading…").waitFor({ state: "detached" });
  }

  get form(): Locator {
    return this.page.getByTestId("article-form");
  }

  get textArea(): Locator {
    return this.form.getByRole("textbox", { name: "Article text" });
  }

  get fileInput(): Locator {
    return this.form.getByLabel("Or choose a file");
  }

  get analyseButton(): Locator {
    return this.form.getByRole("button", { name: "Analyse", exact: true });
  }

  async fill(meta: ArticleMeta): Promise<void> {
    if (meta.title !== undefined) await this.titleField.fill(meta.title);
    if (meta.publishedAt !== undefined) await this.dateField.fill(meta.publishedAt);
    if (meta.locale !== undefined) await this.form.getByLabel("Locale").fill(meta.locale);
    if (meta.format !== undefined) await this.form.getByLabel("Pasted text is").selectOption({ label: meta.format });
  }

  /** Pastes (fills) the text and starts the analysis; does not wait for it. */
  async startPasted(text: string, meta: ArticleMeta = {}): Promise<void> {
    await this.textArea.fill(text);
    await this.fill(meta);
    await this.analyseButton.click();
  }

  async startFile(file: FileInput, meta: ArticleMeta = {}): Promise<void> {
    // Megabytes cross to the browser over the DevTools protocol: give them time.
    await this.fileInput.setInputFiles(file, { timeout: 60_000 });
    await this.fill(meta);
    await this.analyseButton.click();
  }

  get titleField(): Locator {
    return this.form.getByLabel("Title (optional)");
  }

  get dateField(): Locator {
    return this.form.getByLabel("Published");
  }

  /** Drops a file on the form as a reader would drag it there from their desktop, and starts the analysis. */
  async startDropped(name: string, mimeType: string, text: string, meta: ArticleMeta = {}): Promise<void> {
    await this.drop(name, mimeType, text);
    await this.fill(meta);
    await this.analyseButton.click();
  }

  /** Drops a file on the form, as startDropped does, without starting the analysis. */
  async drop(name: string, mimeType: string, text: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, type, content]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content!], fileName!, { type }));
        return transfer;
      },
      [name, mimeType, text],
    );
    await this.form.dispatchEvent("dragover", { dataTransfer });
    await this.form.dispatchEvent("drop", { dataTransfer });
    await this.page.getByTestId("chosen-file").getByText(name).waitFor();
  }

  get progress(): Locator {
    return this.page.getByTestId("job-progress");
  }

  get progressBar(): Locator {
    return this.progress.getByRole("progressbar", { name: "Analysis progress" });
  }

  get cancelButton(): Locator {
    return this.progress.getByRole("button", { name: "Cancel" });
  }

  get problem(): Locator {
    return this.page.getByTestId("problem");
  }

  get notice(): Locator {
    return this.page.getByTestId("notice");
  }

  get result(): Locator {
    return this.page.getByTestId("own-article");
  }

  /** The result's warning that it was not kept in this browser. */
  get saveProblem(): Locator {
    return this.result.getByTestId("save-problem");
  }

  /** Which of RAW_ERROR_TEXT the page's text contains, if any. */
  async rawErrorText(): Promise<string[]> {
    const text = await this.page.locator("body").innerText();
    return RAW_ERROR_TEXT.filter((words) => text.includes(words));
  }

  /** Waits for the result of an analysis (or an opened article) to be on show. */
  async waitForResult(timeout = 20_000): Promise<void> {
    await this.result.getByTestId("claims-table").waitFor({ timeout });
  }

  get library(): Locator {
    return this.page.getByTestId("library");
  }

  get entries(): Locator {
    return this.library.getByTestId("library-entry");
  }

  entry(title: string): Locator {
    return this.entries.filter({ has: this.page.getByRole("button", { name: title, exact: true }) });
  }

  async entryTitles(): Promise<string[]> {
    return this.entries.locator(".entry-title").allTextContents();
  }

  async open(title: string): Promise<void> {
    await this.entry(title).getByRole("button", { name: title, exact: true }).click();
    await this.result.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
    await this.waitForResult();
  }

  async rename(title: string, to: string): Promise<void> {
    await this.entry(title)
      .getByRole("button", { name: `Rename ${title}` })
      .click();
    await this.library.getByLabel(`New title for ${title}`).fill(to);
    await this.library.getByRole("button", { name: "Save" }).click();
    await this.entry(to).waitFor();
  }

  async delete(title: string): Promise<void> {
    await this.entry(title)
      .getByRole("button", { name: `Delete ${title}` })
      .click();
    await this.entry(title).getByRole("button", { name: "Delete", exact: true }).click();
    await this.entry(title).waitFor({ state: "detached" });
  }

  private async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), button.click()]);
    return download;
  }

  exportLibrary(): Promise<Download> {
    return this.download(this.library.getByRole("button", { name: "Export all (JSON)" }));
  }

  async importLibrary(file: FileInput): Promise<void> {
    await this.library.getByLabel("Import a library file").setInputFiles(file);
  }

  /** One of the result's header downloads: "CSV", "JSON" or "Data Package". */
  resultDownload(label: "CSV" | "JSON" | "Data Package"): Promise<Download> {
    return this.download(
      this.result.getByRole("navigation", { name: "Downloads" }).getByRole("button", { name: label, exact: true }),
    );
  }
}
