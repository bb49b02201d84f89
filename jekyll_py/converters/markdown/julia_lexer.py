r"""Julia tokenised the way Rouge 3.30 does it (Pygments' Julia lexer differs in operators,
types and strings).

What Rouge does, in short: types from Julia's standard library (`Int64`, `Vector`...) are `kt`;
`function`/`macro` name the next word `nf`, `struct` the next `nc`; `local`/`global`/`const`
are `kd`; every operator, `.` and `:` included, is `o`; brackets, `,` and `;` are written with
Rouge's `x` class; `@macros` are `nd`; in strings `$name`/`$(...)` formats are `si` and escapes
`se`; `#=` comments nest. A transpose quote is an error for Rouge (its rule for it looks behind
the match position, which its patterns cannot do).

`lex_julia(code)` returns a list of (Rouge CSS class, text).
"""

from __future__ import annotations

import re

from .regex_lexer import RegexLexer

# Rouge's list, in its order (the alternation is tried in order, a word boundary after).
_TYPES = (
    "ARPACKException AbstractArray AbstractChannel AbstractChar AbstractDict AbstractDisplay "
    "AbstractFloat AbstractIrrational AbstractLogger AbstractMatrix AbstractREPL AbstractRNG "
    "AbstractRange AbstractSerializer AbstractSet AbstractSparseArray AbstractSparseMatrix "
    "AbstractSparseVector AbstractString AbstractUnitRange AbstractVecOrMat AbstractVector "
    "AbstractWorkerPool Adjoint Any ArgumentError Array AssertionError Base64DecodePipe "
    "Base64EncodePipe BasicREPL Bidiagonal BigFloat BigInt BitArray BitMatrix BitSet BitVector "
    "Bool BoundsError BunchKaufman CachingPool CapturedException CartesianIndex CartesianIndices "
    "Cchar Cdouble Cfloat Channel Char Cholesky CholeskyPivoted Cint Cintmax_t Clong Clonglong "
    "ClusterManager Cmd Colon Complex ComplexF16 ComplexF32 ComplexF64 CompositeException "
    "Condition ConsoleLogger Cptrdiff_t Cshort Csize_t Cssize_t Cstring Cuchar Cuint Cuintmax_t "
    "Culong Culonglong Cushort Cvoid Cwchar_t Cwstring DataType Date DateFormat DatePeriod "
    "DateTime Day DenseArray DenseMatrix DenseVecOrMat DenseVector Diagonal Dict "
    "DimensionMismatch Dims DivideError DomainError EOFError Eigen Enum ErrorException Exception "
    "ExponentialBackOff Expr FDWatcher Factorization FileMonitor Float16 Float32 Float64 "
    "FolderMonitor Function GeneralizedEigen GeneralizedSVD GeneralizedSchur GenericArray "
    "GenericDict GenericSet GenericString GitConfig GitRepo GlobalRef HMAC_CTX HTML Hermitian "
    "Hessenberg Hour IO IOBuffer IOContext IOStream IPAddr IPv4 IPv6 IdDict IndexCartesian "
    "IndexLinear IndexStyle InexactError InitError Int Int128 Int16 Int32 Int64 Int8 Integer "
    "InterruptException InvalidStateException Irrational KeyError LAPACKException LDLt LQ LU "
    "LinRange LineEditREPL LineNumberNode LinearIndices LoadError LogLevel LowerTriangular MIME "
    "Matrix MersenneTwister Method MethodError Microsecond Millisecond Minute Missing "
    "MissingException Module Month NTuple NamedTuple Nanosecond Nothing NullLogger Number "
    "OrdinalRange OutOfMemoryError OverflowError PackageMode PackageSpec Pair PartialQuickSort "
    "Period PermutedDimsArray Pipe PollingFileWatcher PosDefException ProcessExitedException Ptr "
    "QR QRPivoted QuoteNode RandomDevice RankDeficientException Rational RawFD "
    "ReadOnlyMemoryError Real ReentrantLock Ref Regex RegexMatch RemoteChannel RemoteException "
    "RoundingMode SHA1_CTX SHA224_CTX SHA256_CTX SHA2_224_CTX SHA2_256_CTX SHA2_384_CTX "
    "SHA2_512_CTX SHA384_CTX SHA3_224_CTX SHA3_256_CTX SHA3_384_CTX SHA3_512_CTX SHA512_CTX SVD "
    "Schur Second SegmentationFault Serializer Set SharedArray SharedMatrix SharedVector Signed "
    "SimpleLogger SingularException Some SparseMatrixCSC SparseVector StackOverflowError "
    "StepRange StepRangeLen StreamREPL StridedArray StridedMatrix StridedVecOrMat StridedVector "
    "String StringIndexError SubArray SubString SubstitutionString SymTridiagonal Symbol "
    "Symmetric SystemError TCPSocket Task TestSetException Text TextDisplay Time TimePeriod "
    "TimeType TimeZone Timer Transpose Tridiagonal Tuple Type TypeError TypeVar UDPSocket UInt "
    "UInt128 UInt16 UInt32 UInt64 UInt8 UTC UUID UndefInitializer UndefKeywordError UndefRefError "
    "UndefVarError UniformScaling Union UnionAll UnitLowerTriangular UnitRange "
    "UnitUpperTriangular Unsigned UpgradeLevel UpperTriangular Val Vararg VecElement VecOrMat "
    "Vector VersionNumber WeakKeyDict WeakRef Week WorkerConfig WorkerPool Year "
).split()
_BUILTINS = (
    "true false missing nothing Inf Inf16 Inf32 Inf64 NaN NaN16 NaN32 NaN64 stdout stderr "
    "stdin devnull pi π ℯ im ARGS C_NULL ENV ENDIAN_BOM VERSION undef LOAD_PATH DEPOT_PATH"
).split()
_KEYWORDS = [
    "function", "return", "module", "import", "export", "if", "else", "elseif", "end", "for",
    "in", "isa", "while", "try", "catch", "const", "local", "global", "using", "struct",
    r"mutable struct", r"abstract type", "finally", "begin", "do", "quote", "macro",
    r"for outer", "where",
]
_OPERATORS = (
    r"\+ = - \* / \\ & \| \$ ~ \^ % ! >>> >> << && \|\| \+= -= \*= /= \\= ÷= %= \^= &= "
    r"\|= \$= >>>= >>= <<= == != ≠ <= ≤ >= ≥ \. :: <: -> \? \.\* \.\^ \.\\ \./ \\ < > ÷ >: : "
    r"=== !== =>"
).split()

# Rouge's \p{L}, \p{S}, \p{Po} classes, as near as Python's re gets: letters and `_`,
# ASCII and mathematical symbols, ASCII other punctuation.
_SYMBOLS = r"$+<=>^`|~\u2190-\u22ff"
_NAME_START = rf"(?:[^\W\d]|[{_SYMBOLS}])"
_NAME_REST = rf"[\w{_SYMBOLS}!\"#%&'*,./:;?@\\]*"


def _c(pattern, flags=0):
    # Ruby's ^ and $ match at lines. A leading \b of Rouge's always holds at the match
    # position (its patterns cannot look behind), so ours leave it out.
    return re.compile(pattern, re.M | flags)


_STRING_ESCAPE = [
    (_c(r"\\(?:[\\abfnrtv\"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}"
        r"|[0-7]{1,3})"), "se", None),
]

_STATES = {
    "root": [
        (_c(r"\n"), "", None),
        (_c(r"[^\S\n]+"), "", None),
        (_c(r"#="), "cm", "blockcomment"),
        (_c(r"#.*$"), "c", None),
        (_c("|".join(_OPERATORS)), "o", None),
        (_c(r"\\\n"), "", None),
        (_c(r"\\"), "", None),
        (_c(r"(function|macro)((?:\s|\\\s)+)"), ("k", "nf"), "funcname"),
        (_c(r"((?:mutable )?struct|(?:abstract|primitive) type)((?:\s|\\\s)+)"), ("k", "nc"),
         "typename"),
        (_c("(?:" + "|".join(_TYPES) + r")\b"), "kt", None),
        (_c(r"(?:local|global|const)\b"), "kd", None),
        (_c("(?:" + "|".join(_KEYWORDS) + r")\b"), "k", None),
        (_c("(?:" + "|".join(_BUILTINS) + r")\b"), "nb", None),
        (_c(r"`.*?`"), "sb", None),
        (_c(r"'(?:\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}|\\U[a-fA-F0-9]{1,6}"
            r"|[^\\'\n])'"), "sc", None),
        (_c(r'[IL]"'), "s", "string"),
        (_c(r'E?"'), "s", "string"),
        (_c(r"@[\w.]+"), "nd", None),
        (_c(r"[a-zA-Z_\u00a1-\uffff][a-zA-Z_0-9\u00a1-\uffff]*!*"), "n", None),
        (_c(r"[\[\]{}(),;]"), "x", None),
        (_c(r"(?:\d+(?:_\d+)+\.\d*|\d*\.\d+(?:_\d+)+)(?:[eEf][+-]?[0-9]+)?"), "mf", None),
        (_c(r"(?:\d+\.\d*|\d*\.\d+)(?:[eEf][+-]?[0-9]+)?"), "mf", None),
        (_c(r"\d+(?:_\d+)+[eEf][+-]?[0-9]+"), "mf", None),
        (_c(r"\d+[eEf][+-]?[0-9]+"), "mf", None),
        (_c(r"0b[01]+(?:_[01]+)*"), "mb", None),
        (_c(r"0o[0-7]+(?:_[0-7]+)*"), "mo", None),
        (_c(r"0x[a-fA-F0-9]+(?:_[a-fA-F0-9]+)*"), "mh", None),
        (_c(r"\d+(?:_\d+)*"), "mi", None),
    ],
    "funcname": [
        (_c(_NAME_START + _NAME_REST), "nf", "#pop"),
        (_c(r"\([^\s\w{]{1,2}\)"), "o", "#pop"),
        (_c(r"[^\s\w{]{1,2}"), "o", "#pop"),
    ],
    "typename": [(_c(_NAME_START + _NAME_REST), "nc", "#pop")],
    "blockcomment": [
        (_c(r"[^=#]"), "cm", None),
        (_c(r"#="), "cm", "blockcomment"),
        (_c(r"=#"), "cm", "#pop"),
        (_c(r"[=#]"), "cm", None),
    ],
    "string": [
        *_STRING_ESCAPE,
        (_c(r'"'), "s", "#pop"),
        (_c(r'\\\\|\\"|\\\n'), "se", None),
        (_c(r"\$(?:\(\w+\))?[-#0 +]*(?:[0-9]+|[*])?(?:\.(?:[0-9]+|[*]))?"), "si", None),
        (_c(r'[^\\"$]+'), "s", None),
        (_c(r'["\\]'), "s", None),
        (_c(r"\$"), "s", None),
    ],
}


def lex_julia(code: str) -> list:
    return RegexLexer(_STATES).lex(code)
