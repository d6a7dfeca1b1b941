/// The page's markup: the form only. Results are built by app.js from the API's JSON with
/// `textContent`, never from markup, so nothing a user pastes can become markup. The Chinese
/// text here is what shows before the script runs; app.js swaps it for English on request.
enum PageHTML {
  static let text = #"""
    <!doctype html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>绩效目标表检查 · Jixiao</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="/app.css">
    <script src="/app.js" defer></script>
    </head>
    <body data-state="idle">
    <header class="bar">
      <h1><span class="logo" aria-hidden="true">绩</span> <span data-i18n="title">绩效目标表检查</span></h1>
      <button id="lang" type="button" class="quiet" lang="en">English</button>
    </header>
    <main>
      <section id="input" class="card">
        <p class="lead" data-i18n="lead">把绩效目标表的文字粘贴到下面（从网页、Word 或 PDF 复制均可），或拖入一个文件，然后点“检查”。表格会按读出的样子重建，发现的问题标在对应的单元格上。</p>
        <form id="form">
          <label for="source" class="hidden-label" data-i18n="pasteLabel">表格文字</label>
          <textarea id="source" rows="9" spellcheck="false" autocomplete="off" data-i18n-placeholder="placeholder" placeholder="在此粘贴绩效目标表……"></textarea>
          <div id="drop" class="drop">
            <span data-i18n="drop">也可以把文件拖到这里，或</span>
            <label class="file-button"><input type="file" id="file"><span data-i18n="choose">选择文件</span></label>
            <span id="file-chip" class="chip" hidden><span id="file-name"></span> <button id="clear-file" type="button" class="quiet" data-i18n-title="clearFile" title="不用这个文件">×</button></span>
          </div>
          <div class="actions">
            <button type="submit" id="submit" class="primary" data-i18n="submit">检查</button>
            <button type="button" id="sample" class="quiet" data-i18n="sample">填入示例</button>
            <span id="status" role="status" aria-live="polite"></span>
          </div>
        </form>
      </section>
      <section id="error" class="card error-card" role="alert" hidden></section>
      <section id="result" hidden></section>
    </main>
    <footer><span data-i18n="footer">一切都在本机处理，文字不会离开这台电脑。</span> <a href="/api" data-i18n="apiLink">HTTP API</a></footer>
    </body>
    </html>

    """#
}
