// jsdom has no IntersectionObserver and no layout. This stand-in records every observer and
// lets a test say "the sentinel is now visible" by calling FakeIntersectionObserver.intersect().
export class FakeIntersectionObserver {
  static instances = [];

  constructor(callback, options = {}) {
    this.callback = callback;
    this.options = options;
    this.targets = new Set();
    this.connected = true;
    FakeIntersectionObserver.instances.push(this);
  }

  observe(target) {
    this.targets.add(target);
  }

  unobserve(target) {
    this.targets.delete(target);
  }

  disconnect() {
    this.targets.clear();
    this.connected = false;
  }

  takeRecords() {
    return [];
  }

  // Deliver an entry for every observed target of every live observer.
  static intersect(isIntersecting = true) {
    for (const observer of FakeIntersectionObserver.instances) {
      if (!observer.connected || observer.targets.size === 0) continue;
      const entries = [...observer.targets].map((target) => ({ target, isIntersecting, intersectionRatio: isIntersecting ? 1 : 0 }));
      observer.callback(entries, observer);
    }
  }

  static live() {
    return FakeIntersectionObserver.instances.filter((o) => o.connected && o.targets.size > 0);
  }

  static reset() {
    FakeIntersectionObserver.instances = [];
  }
}
