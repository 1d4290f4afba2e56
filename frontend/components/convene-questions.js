// Everyone's questions on the session page, drawn here from small changes the server sends (QuestionList.java).
//
// A plenary puts thousands of pages on one node. When the server kept an element per question per page, every
// vote that reordered the list made it take elements apart and put them back for every page, and hold them all in
// memory. The server now keeps only what it last sent each page and sends what differs; this element turns that
// into the same list as before: an <ol> of items with the question, its badges and replies, the count, and an
// up-vote toggle for people who may vote. Moving an item keeps the keyboard focus where it was.
//
// A change names the one it follows (`base`); one that does not follow what this element has shown (the page
// was rebuilt, or a message was lost) asks the server for the whole list instead of showing a wrong one.
class ConveneQuestions extends HTMLElement {
  constructor() {
    super();
    this._items = new Map();
    this._seq = -1;
    this._list = document.createElement('ol');
    this._list.className = 'cv-questions';
  }

  connectedCallback() {
    if (!this._list.isConnected) {
      this.appendChild(this._list);
    }
    // changes that came before the element was defined wait on the instance
    const early = this._early;
    delete this._early;
    (early || []).forEach((change) => this.apply(change));
  }

  apply(change) {
    if (!change.full && change.base !== this._seq) {
      this._seq = -1;
      this.dispatchEvent(new CustomEvent('cv-questions-resend'));
      return;
    }
    const active = document.activeElement;
    let lostFocus = false;
    if (change.full) {
      lostFocus = this._list.contains(active);
      this._items.clear();
      this._list.replaceChildren();
    }
    for (const id of change.remove || []) {
      const item = this._items.get(id);
      if (item) {
        lostFocus = lostFocus || item.li.contains(active);
        item.li.remove();
        this._items.delete(id);
      }
    }
    for (const values of change.items || []) {
      this._update(this._item(values.id), values);
    }
    if (change.order) {
      this._reorder(change.order);
    }
    this._seq = change.seq;
    if (active && active !== document.activeElement && active.isConnected && this._list.contains(active)) {
      // an element moved with insertBefore drops the focus: give it back without scrolling the reader away
      active.focus({ preventScroll: true });
    } else if (lostFocus && this.fallback && this.fallback.isConnected) {
      this.fallback.focus();
    }
  }

  focusQuestion(id) {
    const item = this._items.get(id);
    if (item) {
      item.li.setAttribute('tabindex', '-1');
      item.li.focus();
    }
  }

  _item(id) {
    let item = this._items.get(id);
    if (!item) {
      const li = document.createElement('li');
      li.className = 'cv-question';
      li.dataset.id = id;
      const body = document.createElement('div');
      body.className = 'cv-question-body';
      const row = document.createElement('div');
      row.className = 'cv-vote-row';
      const count = document.createElement('span');
      count.className = 'cv-vote-count';
      const note = document.createElement('span');
      note.className = 'cv-muted';
      note.hidden = true;
      row.append(count, note);
      li.append(body, row);
      item = { id, li, body, row, count, note, button: null, up: false };
      this._items.set(id, item);
      this._list.appendChild(li);
    }
    return item;
  }

  _update(item, values) {
    if (values.html !== undefined) {
      item.body.innerHTML = values.html;
    }
    if (values.count !== undefined) {
      item.count.textContent = values.count;
    }
    if (values.justAsked !== undefined) {
      item.li.classList.toggle('cv-question-just-asked', values.justAsked);
    }
    if (values.note !== undefined) {
      item.note.textContent = values.note;
      item.note.hidden = values.note === '';
    }
    if (values.vote !== undefined) {
      const vote = values.vote;
      if (vote.show && !item.button) {
        const button = document.createElement('vaadin-button');
        button.className = 'cv-vote';
        button.textContent = 'Up-vote';
        button.addEventListener('click', () => this.dispatchEvent(new CustomEvent('cv-vote', {
          detail: { id: item.id, up: !item.up },
        })));
        item.row.insertBefore(button, item.row.firstChild);
        item.button = button;
      }
      if (item.button) {
        item.button.hidden = !vote.show;
        item.button.setAttribute('aria-pressed', String(vote.pressed));
        item.button.setAttribute('aria-label', vote.label);
        item.up = vote.pressed;
      }
    }
  }

  /** Puts the items in this order, moving only those out of place. */
  _reorder(order) {
    let at = this._list.firstChild;
    for (const id of order) {
      const li = this._items.get(id).li;
      if (li === at) {
        at = at.nextSibling;
      } else if (this._list.moveBefore) {
        // keeps focus and state where the browser can
        this._list.moveBefore(li, at);
      } else {
        this._list.insertBefore(li, at);
      }
    }
  }
}

if (!customElements.get('convene-questions')) {
  customElements.define('convene-questions', ConveneQuestions);
}
