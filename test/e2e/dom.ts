// The little of the DOM that the in-page functions read. The project compiles without the DOM
// library (it is Node code); these functions run inside chromium, where the real DOM exists.
export interface PageElement {
  textContent: string | null;
  innerText: string;
  className: string;
  style: { top: string };
  parentElement: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getAttribute(name: string): string | null;
}
