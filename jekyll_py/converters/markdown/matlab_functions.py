"""MATLAB functions that code on Jekyll sites calls most, highlighted as builtins (`nb`).

Our own short list of MATLAB's standard functions. Rouge ships a generated list of every
documented MATLAB function; we do not carry a copy of it, so a rarer function name is plain
`n` in our output where Rouge writes `nb`.
"""

MATLAB_FUNCTIONS = frozenset("""
abs acos all any asin atan atan2 axis bar ceil cell cell2mat cellfun char class clc clear
close colorbar colormap cos cosh cross cumprod cumsum deal det diag diff disp double eig
end error exist exp eye false fclose feval fft figure find fix fliplr flipud floor fopen
fprintf fread fscanf func2str fwrite fzero gca gcf grid hist histogram hold ifft imag
imread imshow imwrite inf input int2str int8 int16 int32 int64 interp1 inv isa iscell
ischar isempty isequal isfield isfinite isinf islogical ismember isnan isnumeric isreal
isscalar isstruct isvector kron legend length linspace load log log10 log2 logical
lower lsqnonneg lu max mean median meshgrid min mod nan nargin nargout ndims nnz norm
num2cell num2str numel ode45 ones pause pi plot plot3 polyfit polyval prod qr rand randi
randn randperm rank real regexp regexprep rem repmat reshape round save scatter semilogx
semilogy set sign sin single sinh size sort sprintf sqrt squeeze std strcat strcmp
strcmpi strfind strjoin strrep strsplit strtrim struct subplot sum surf svd tan tanh
tic title toc trace transpose trapz true uint8 uint16 uint32 uint64 unique upper var
xlabel xlim ylabel ylim zeros zlabel
""".split())
