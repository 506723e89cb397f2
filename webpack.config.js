/**
 * Builds the Excel task pane (dist/taskpane.html) and the ribbon's function file (dist/commands.html).
 *
 *   npm run build            production build, office.js from Microsoft's CDN
 *   npm run build:intranet   production build, office.js copied into dist/office-js/ and loaded from there
 *   npm start                http://localhost:3000/taskpane.html  (plain browser: file picker + 示例工作簿)
 *   npm run start:https      https://localhost:3000 with the office-addin-dev-certs certificate (Excel sideloading)
 *
 * Where office.js comes from:
 *   By default the pages load https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
 *   With `--env officeJs=local` (what build:intranet and start:local pass) or the environment variable
 *   OFFICE_JS=local, node_modules/@microsoft/office-js/dist/ is copied to dist/office-js/ and the pages load
 *   ./office-js/office.js instead — for machines that cannot reach Microsoft's CDN. office.js then loads its
 *   host and locale files from the same folder (about 86 MB, most of it locales; all of it is copied so any
 *   Excel version and language works).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOCAL_OFFICE_JS = './office-js/office.js';
const PORT = 3000;

/** Options for the https dev server from office-addin-dev-certs (installs a localhost CA on first use). */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const opts = await devCerts.getHttpsServerOptions();
  return { ca: opts.ca, key: opts.key, cert: opts.cert };
}

/**
 * @param {Record<string, string|boolean>} env  --env values (officeJs=local, https)
 * @param {{ mode?: string }} argv
 */
module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const localOfficeJs = env.officeJs === 'local' || process.env.OFFICE_JS === 'local';
  const useHttps = Boolean(env.https) || process.env.HTTPS === 'true';
  const officeJsSrc = localOfficeJs ? LOCAL_OFFICE_JS : CDN_OFFICE_JS;

  const copies = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    // The example workbook(s) for the browser page (载入示例工作簿). Optional: missing files are fine.
    { from: 'samples/*.xlsx', to: 'samples/[name][ext]', noErrorOnMissing: true },
    { from: 'manifest.xml', to: 'manifest.xml' },
  ];
  if (localOfficeJs) {
    copies.push({ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', info: { minimized: true } });
  }

  return {
    mode,
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
      publicPath: 'auto',
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // exceljs's package.json "browser" field (dist/exceljs.min.js) is used automatically for target "web".
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    target: 'web',
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: false } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJsSrc },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/taskpane/commands.html',
        chunks: ['commands'],
        templateParameters: { officeJsSrc },
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: { hints: false },
    devServer: {
      port: PORT,
      host: 'localhost',
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      devMiddleware: { index: 'taskpane.html' },
      historyApiFallback: false,
      client: { overlay: { errors: true, warnings: false } },
      server: useHttps ? { type: 'https', options: await httpsOptions() } : { type: 'http' },
    },
  };
};
