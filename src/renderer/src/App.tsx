import { LibraryScreen } from './screens/LibraryScreen'

export function App(): React.JSX.Element {
  return (
    <div className="app">
      <header className="app-header">
        <h1>年报核验台</h1>
        <span className="app-subtitle">政府信息公开工作年度报告 · 表格提取与核验</span>
      </header>
      <main className="app-main">
        <LibraryScreen />
      </main>
    </div>
  )
}
