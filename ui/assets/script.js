() => {
  // Citation markers link to "#kilde-<answer>-<n>": open the collapsed block holding the source,
  // scroll to it and flash it (the sources panel scrolls on its own, so a plain jump is not enough).
  document.addEventListener("click", (event) => {
    const link = event.target.closest ? event.target.closest('a[href^="#kilde-"]') : null;
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    for (let el = target.parentElement; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
    target.scrollIntoView({ behavior: "smooth", block: "start" });
    target.classList.remove("tidlig-flash");
    void target.offsetWidth;
    target.classList.add("tidlig-flash");
  });

  // "Læg i kursusmappen" on a source: hand "<answer>:<n>" to the hidden request box, whose change
  // event adds the passage on the server (the sources panel is HTML and has no events of its own).
  document.addEventListener("click", (event) => {
    const button = event.target.closest ? event.target.closest("button.tidlig-add-quote") : null;
    if (!button) return;
    const box = document.querySelector("#tidlig-pack-request textarea, #tidlig-pack-request input");
    if (!box) return;
    box.value = `${button.dataset.turn}:${button.dataset.number}:${Date.now()}`;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    button.textContent = "✓ Lagt i kursusmappen";
  });

  // Answer first: when a new answer starts, scroll the chat so the question and the start of the
  // answer are in view, and keep them there while the answer streams in and Gradio re-renders the
  // messages (it would follow the end of a long answer instead). The user's own scrolling wins.
  let seen = 0, pinned = null, pinUntil = 0;
  const scroller = () => document.querySelector("#tidlig-chat .bubble-wrap");
  const pin = () => {
    const box = scroller();
    if (!box || !pinned || !pinned.isConnected) return;
    box.scrollTop += pinned.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  };
  const follow = () => {
    const chat = document.getElementById("tidlig-chat");
    if (!chat) return;
    const questions = chat.querySelectorAll(".message-row.user-row, .user-row");
    if (questions.length !== seen) {
      seen = questions.length;
      pinned = questions[questions.length - 1] || null;
      pinUntil = Date.now() + 4000;
    }
    if (pinned && Date.now() < pinUntil) requestAnimationFrame(pin);
  };
  document.addEventListener("wheel", () => { pinUntil = 0; }, { passive: true });
  document.addEventListener("touchmove", () => { pinUntil = 0; }, { passive: true });
  new MutationObserver(follow).observe(document.body, { childList: true, subtree: true });

  // Gradio's own strings in Danish (see ui/assets/__init__.py): text nodes and accessible labels.
  const danish = __GRADIO_DA__;
  const translate = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      if (text && Object.prototype.hasOwnProperty.call(danish, text)) node.nodeValue = node.nodeValue.replace(text, danish[text]);
    }
    const labelled = root.querySelectorAll ? root.querySelectorAll("[aria-label], [title], [placeholder]") : [];
    for (const el of labelled) {
      for (const name of ["aria-label", "title", "placeholder"]) {
        const value = el.getAttribute(name);
        if (value && Object.prototype.hasOwnProperty.call(danish, value)) el.setAttribute(name, danish[value]);
      }
    }
  };
  translate(document.body);
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) translate(node.nodeType === Node.TEXT_NODE ? node.parentNode || document.body : node);
      if (change.type === "characterData" && change.target.parentNode) translate(change.target.parentNode);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}
