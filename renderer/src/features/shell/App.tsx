import { useCallback, useEffect, useState } from 'react';
import { HashRouter } from 'react-router';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCNAntd from 'antd/locale/zh_CN';
import enUSAntd from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nProvider, translator, type Locale } from '../../i18n/i18n';
import { openAppDatabase } from '../../db/open';
import { watchStatistics } from '../../db/statistics-repo';
import { detectPlatform } from '../../platform/platform';
import { AppServicesContext, type AppServices } from './app-context';
import { AppLayout } from './AppLayout';
import { BackupKeeper } from '../data/BackupKeeper';
import { installE2eHook } from '../certificates/e2e-hook';

const LOCALE_KEY = 'safetrain.locale';

function initialLocale(): Locale {
  return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [services, setServices] = useState<AppServices | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    openAppDatabase().then(
      (ctx) => {
        installE2eHook(ctx);
        watchStatistics(ctx.db);
        setServices({ ctx, platform: detectPlatform() });
      },
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, []);

  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
  }, [locale]);

  const changeLocale = useCallback((next: Locale) => {
    localStorage.setItem(LOCALE_KEY, next);
    setLocale(next);
  }, []);

  const t = translator(locale);
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUSAntd : zhCNAntd}
      theme={{ token: { colorPrimary: '#1f5fa8' } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <I18nProvider locale={locale} onChange={changeLocale}>
          {failure ? (
            <Result status="error" title={t('app.openFailed')} subTitle={failure} />
          ) : !services ? (
            <Spin size="large" fullscreen tip={t('app.opening')} />
          ) : (
            <AppServicesContext.Provider value={services}>
              <BackupKeeper />
              <HashRouter>
                <AppLayout />
              </HashRouter>
            </AppServicesContext.Provider>
          )}
        </I18nProvider>
      </AntApp>
    </ConfigProvider>
  );
}
