# Builds dist\raptor\ on Windows from the same raptor.spec, then runs the self-test.
# Run from a PowerShell prompt in the project folder, with Python 3.11+ on PATH:
#     powershell -ExecutionPolicy Bypass -File build\build-windows.ps1
# Needs network access only for the first `pip install`; the build itself is offline.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

if (-not (Test-Path .venv)) { python -m venv .venv }
$py = ".venv\Scripts\python.exe"
& $py -m pip install --quiet -e ".[test]"

# Version resource: the file version shown in Explorer, from pyproject.toml.
$version = (& $py -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])").Trim()
$parts = ($version.Split(".") + @("0", "0", "0"))[0..3] -join ", "
$work = "build\pyinstaller"
New-Item -ItemType Directory -Force $work | Out-Null
@"
VSVersionInfo(
  ffi=FixedFileInfo(filevers=($parts), prodvers=($parts)),
  kids=[StringFileInfo([StringTable('080904B0', [
    StringStruct('CompanyName', 'Raptor Desktop'),
    StringStruct('FileDescription', 'Raptor Desktop - deal line register'),
    StringStruct('FileVersion', '$version'),
    StringStruct('ProductName', 'Raptor Desktop'),
    StringStruct('ProductVersion', '$version')])]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])])]
)
"@ | Set-Content -Encoding UTF8 "$work\version.txt"
$env:RAPTOR_VERSION_FILE = (Resolve-Path "$work\version.txt").Path

# Windows wants an .ico; Pillow (installed with ReportLab) converts the PNG.
& $py -c "from PIL import Image; Image.open('resources/icons/raptor.png').save('resources/icons/raptor.ico', sizes=[(16,16),(32,32),(48,48),(256,256)])"

& $py -m PyInstaller --noconfirm --clean --log-level WARN --workpath $work --distpath dist raptor.spec
$env:QT_QPA_PLATFORM = "offscreen"
& "dist\raptor\raptor-console.exe" --selftest
if ($LASTEXITCODE -ne 0) { throw "self-test failed" }
Write-Host "bundle: dist\raptor"
