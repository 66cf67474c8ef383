/** The studio's shell: header with the views and the language switch, then the current view. */
import { useEffect, useMemo, useState } from 'react';
import { LOCALES, parseLocale, type Locale } from '../../src/i18n/index.js';
import { api } from './api.js';
import { LibraryView } from './components/LibraryView.js';
import { ModelsView } from './components/ModelsView.js';
import { ModelPage } from './components/ModelPage.js';
import { DropImport } from './components/DropImport.js';
import { hashOf, routeOf, type Route } from './logic/route.js';
import { LocaleContext, wordsFor } from './words.js';

function initialLocale(): Locale {
  const saved = localStorage.getItem('symbiose.lang');
  return parseLocale(saved ?? '') ?? parseLocale(navigator.language.slice(0, 2)) ?? 'en';
}

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  const words = wordsFor(locale);
  const client = useMemo(() => api(locale), [locale]);

  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = words.t('studio.title');
    localStorage.setItem('symbiose.lang', locale);
  }, [locale]);

  const go = (next: Route) => {
    location.hash = hashOf(next);
    setRoute(next);
  };

  return (
    <LocaleContext.Provider value={locale}>
      <DropImport client={client} onOpened={(id) => go({ view: 'model', id })}>
        <header className="bar">
          <strong className="brand">{words.t('studio.title')}</strong>
          <nav>
            <a href={hashOf({ view: 'library' })} aria-current={route.view === 'library' ? 'page' : undefined}>
              {words.t('studio.nav.library')}
            </a>
            <a href={hashOf({ view: 'models' })} aria-current={route.view === 'models' ? 'page' : undefined}>
              {words.t('studio.nav.models')}
            </a>
          </nav>
          <label className="language">
            {words.t('studio.language')}{' '}
            <select value={locale} onChange={(e) => setLocale(parseLocale(e.target.value) ?? 'en')} data-testid="language">
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {words.t(`studio.lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
        </header>
        <main>
          {route.view === 'library' && <LibraryView client={client} go={go} />}
          {route.view === 'models' && <ModelsView client={client} go={go} />}
          {route.view === 'model' && <ModelPage key={route.id} id={route.id} client={client} go={go} />}
        </main>
      </DropImport>
    </LocaleContext.Provider>
  );
}
